import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, Language, LANGUAGES } from '../i18n';

/** 中文 / English; remembered for the person (and for this browser before anyone signs in). */
export function LanguageSwitch({ personId }: { personId?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Segmented<Language>
      data-testid="language-switch"
      size="small"
      value={i18n.language as Language}
      options={LANGUAGES.map((language) => ({ value: language, label: t(`language.${language}`) }))}
      onChange={(language) => void changeLanguage(language, personId)}
      aria-label={t('header.language')}
    />
  );
}
