/** The password of every person the tests create. */
export const PASSWORD = 'test-password-1';
