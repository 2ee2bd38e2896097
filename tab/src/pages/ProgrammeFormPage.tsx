/**
 * New programme (anyone signed in; the creator becomes its owner) and Edit
 * programme (its managers). Editing sends the ETag it read, so a change
 * someone else saved meanwhile is never overwritten silently.
 */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useCallback } from 'react';
import type { ApiClient } from '../api/client';
import { BackLink } from '../components/BackLink';
import { ProgrammeForm } from '../components/form/ProgrammeForm';
import { PageHeading } from '../components/PageHeading';
import { Loading, ProblemNotice } from '../components/Status';
import { useLoad } from '../hooks/useLoad';
import { useSessionGuard } from '../hooks/useSessionGuard';
import { useI18n } from '../i18n';
import { defaultDraft, draftOf } from '../model/programmeDraft';
import { hrefOf, type Navigate } from '../routing/route';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  intro: { margin: 0, maxWidth: '65ch' },
});

export interface ProgrammeFormPageProps {
  readonly api: ApiClient;
  /** Absent for a new programme. */
  readonly programmeId?: string;
  readonly navigate: Navigate;
  readonly onUnauthenticated: () => void;
}

export function ProgrammeFormPage({ api, programmeId, navigate, onUnauthenticated }: ProgrammeFormPageProps) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const load = useCallback(async () => {
    const [channels, detail] = await Promise.all([
      api.channels(),
      programmeId ? api.programme(programmeId) : Promise.resolve(undefined),
    ]);
    return { channels, detail };
  }, [api, programmeId]);
  const { state, retry } = useLoad(load);
  const ended = useSessionGuard(state, onUnauthenticated);
  const back = programmeId ? hrefOf({ kind: 'programme', id: programmeId }) : hrefOf({ kind: 'list' });

  return (
    <div className={styles.page}>
      <BackLink href={back}>{programmeId ? t('nav.backToProgramme') : t('nav.backToList')}</BackLink>
      <PageHeading>
        {state.status === 'loaded' && state.value.detail
          ? t('form.editTitle', { name: state.value.detail.programme.name })
          : programmeId
            ? t('form.editTitleShort')
            : t('form.newTitle')}
      </PageHeading>
      {(state.status === 'loading' || ended) && <Loading label={t('common.loading')} />}
      {state.status === 'failed' && !ended && <ProblemNotice error={state.error} onRetry={retry} />}
      {state.status === 'loaded' && state.value.detail?.canManage === false && (
        <Text role="alert">{t('programme.notManager')}</Text>
      )}
      {state.status === 'loaded' && state.value.detail?.canManage !== false && (
        <>
          {!programmeId && (
            <Text as="p" className={styles.intro}>
              {t('form.newIntro')}
            </Text>
          )}
          <ProgrammeForm
            // A reload after a conflict starts again from what is saved now.
            key={state.value.detail?.etag ?? 'new'}
            initial={state.value.detail ? draftOf(state.value.detail.programme) : defaultDraft(locale)}
            channels={state.value.channels}
            editing={Boolean(state.value.detail)}
            onCancel={() => navigate(programmeId ? { kind: 'programme', id: programmeId } : { kind: 'list' })}
            onReload={retry}
            onUnauthenticated={onUnauthenticated}
            onSubmit={async (input) => {
              const detail = state.value.detail;
              const saved = detail
                ? await api.updateProgramme(detail.programme.id, input, detail.etag)
                : await api.createProgramme(input, locale);
              navigate({ kind: 'programme', id: saved.programme.id });
            }}
          />
        </>
      )}
    </div>
  );
}
