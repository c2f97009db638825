import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useHubMutation } from '../data/useHubMutation';
import { graphql } from '../gql';
import { changeLanguage, Language, LANGUAGES } from '../i18n';
import { useSession } from './session';

const SetMyLanguageDocument = graphql(`
  mutation SetMyLanguage($language: String) {
    setMyLanguage(language: $language) { id language }
  }
`);

/**
 * 中文 / English. Signed in, the choice is saved on the hub for the person (it also decides the
 * language of the hub's own sentences), so it follows them to another browser; before anyone
 * signs in it is remembered for this browser only.
 */
export function LanguageSwitch({ personId }: { personId?: string }) {
  const { t, i18n } = useTranslation();
  const [saveLanguage] = useHubMutation(SetMyLanguageDocument);
  const { hubLanguageChanged } = useSession();
  return (
    <Segmented<Language>
      data-testid="language-switch"
      size="small"
      value={i18n.language as Language}
      options={LANGUAGES.map((language) => ({ value: language, label: t(`language.${language}`) }))}
      onChange={async (language) => {
        await changeLanguage(language, personId);
        if (!personId) return;
        if ((await saveLanguage({ language })).data) hubLanguageChanged();
      }}
      aria-label={t('header.language')}
    />
  );
}
