/** Downloads the pairs and goals as CSV: fetched with the sign-in token, then saved through a temporary link. */
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { type ApiClient, problemOf } from '../../api/client';
import { useI18n } from '../../i18n';
import { problemKey } from '../Status';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

export function CsvExportButton({
  api,
  programmeId,
  onUnauthenticated,
}: {
  readonly api: ApiClient;
  readonly programmeId: string;
  readonly onUnauthenticated: () => void;
}) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();

  async function download() {
    if (busy) return;
    setBusy(true);
    setOutcome(undefined);
    try {
      const { blob, fileName } = await api.dashboardCsv(programmeId, locale);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      // The browser has taken the file once the click is handled; the URL is not needed after.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setOutcome({ ok: true, text: t('dashboard.export.done', { file: fileName }) });
    } catch (err) {
      if (problemOf(err) === 'unauthenticated') return onUnauthenticated();
      setOutcome({ ok: false, text: t(problemKey(err)) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.box}>
      <Button onClick={download} disabledFocusable={busy}>
        {busy ? t('dashboard.export.busy') : t('dashboard.export.button')}
      </Button>
      <Text role="status">{outcome?.ok ? outcome.text : ''}</Text>
      <Text role="alert" className={styles.error}>
        {outcome && !outcome.ok ? outcome.text : ''}
      </Text>
    </div>
  );
}
