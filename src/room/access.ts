/**
 * What the video room needs to know about a consultation: who takes part and whether its
 * session is running. The consultation area implements it; the room never reads its tables.
 */
export interface RoomAccess {
  consultationId: number;
  /** Person ids allowed in the room: the requesting doctor, the specialist, people they invited. */
  participantIds: number[];
  /** The session has started and not ended: only then can the room be joined. */
  inSession: boolean;
  /** The consultation's consortium: only its people can be invited into the room. */
  consortiumId?: number;
  /** Who asked and who answers, so the room can name each person's part. */
  requestingDoctorId?: number;
  specialistId?: number | null;
}

export interface ConsultationRooms {
  roomAccess(consultationId: number): Promise<RoomAccess | null>;
}

export const roomIdOf = (consultationId: number) => `consultation-${consultationId}`;
export const consultationIdOf = (roomId: string) => Number(roomId.replace(/^consultation-/, ''));
