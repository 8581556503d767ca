import { startTransition, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  FormControlLabel,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { DEMAND_CATEGORIES, DEMAND_SOURCES, DEMAND_TYPES, URGENCIES } from '#shared/domain/vocab';
import { DEMAND_TEXT_LIMITS, deriveTitle, normalisePhone } from '#shared/domain/ledger/index';
import { CountedTextField } from '../../kit/CountedTextField';
import { useDatabase } from '../../db/DatabaseContext';
import { useDeviceSettings } from '../../db/SettingsContext';
import { placePath } from './format';
import { formatDateTime } from '../../kit/beijing-time';
import {
  effectiveCategory,
  emptyDraft,
  parseRemembered,
  suggestCategory,
  validateDraft,
  type IntakeDraft,
} from './intake-form';
import { PhotoField } from '../../kit/PhotoField';
import { PlaceField } from './PlaceField';
import { readRememberedRaw, remember, saveIntake } from './save-intake';
import { SimilarFor } from './SimilarPanel';
import { IntakeResult, createIntakeResultStore } from './IntakeResult';
import { useOnline } from './use-online';
import { usePlaceTree } from '../../db/use-place-tree';
import './strings';

/** Enter moves on like Tab: the order of the form is the order of a conversation at the door. */
function focusNext(form: HTMLFormElement, current: HTMLElement): void {
  const fields = [
    ...form.querySelectorAll<HTMLElement>('input, select, textarea, button[type="submit"]'),
  ].filter(
    (el) =>
      el.tabIndex >= 0 &&
      !el.hasAttribute('disabled') &&
      (el as HTMLInputElement).type !== 'file' &&
      el.getAttribute('aria-hidden') !== 'true',
  );
  fields[fields.indexOf(current) + 1]?.focus();
}

/** A save shorter than this never shows its busy state (most are: one local write). */
const BUSY_AFTER_MS = 150;

/** Runs `fn` after the next frame has been painted. */
function afterNextFrame(fn: () => void): void {
  requestAnimationFrame(() => window.setTimeout(fn, 0));
}

/** 诉求登记: one demand in under 30 seconds, keyboard only, with or without a network. */
export function IntakePage() {
  const { t } = useTranslation('demands');
  const db = useDatabase();
  const settings = useDeviceSettings();
  const tree = usePlaceTree();
  const online = useOnline();
  const [draft, setDraft] = useState<IntakeDraft>(() => emptyDraft(parseRemembered(readRememberedRaw())));
  const [photos, setPhotos] = useState<Blob[]>([]);
  const [photoBusy, setPhotoBusy] = useState(false);
  const [errors, setErrors] = useState<ReturnType<typeof validateDraft>>({});
  const [saving, setSaving] = useState(false);
  const [resultStore] = useState(createIntakeResultStore);
  const setResult = resultStore.set;
  const savingRef = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  const placeRef = useRef<HTMLInputElement>(null);
  const descriptionRef = useRef<HTMLTextAreaElement>(null);

  const suggested = suggestCategory(draft.description);
  const category = effectiveCategory(draft);
  const set = <K extends keyof IntakeDraft>(key: K, value: IntakeDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const derived = deriveTitle(draft.description);

  const save = async () => {
    if (savingRef.current || photoBusy) return;
    const found = validateDraft(draft);
    if (Object.keys(found).length > 0 || Object.keys(errors).length > 0) setErrors(found);
    if (found.place) return placeRef.current?.focus();
    if (found.description) return descriptionRef.current?.focus();
    if (found.category) return document.getElementById('intake-category')?.focus();
    const other = (['title', 'reporterName', 'reporterPhone', 'addressDetail'] as const).find(
      (f) => found[f],
    );
    if (other) return document.querySelector<HTMLElement>(`[data-field="${other}"]`)?.focus();
    const place = draft.placeScope ? tree?.byScope.get(draft.placeScope) : undefined;
    if (!place) return placeRef.current?.focus();
    savingRef.current = true;
    const saved = draft;
    // The write starts before anything re-renders. The busy state shows only when a save takes
    // long enough to see it (photos): a render of the whole form would otherwise hold up the
    // write's own steps and the frame of the confirmation.
    const pending = saveIntake(db, settings, saved, place, photos);
    const busy = window.setTimeout(() => startTransition(() => setSaving(true)), BUSY_AFTER_MS);
    try {
      const outcome = await pending;
      if (!outcome.ok) {
        setResult({ severity: 'error', message: outcome.message });
        return;
      }
      const { demand, audited } = outcome;
      remember({ placeScope: place.scope, source: saved.source });
      setResult({
        severity: 'success',
        scope: demand.scope,
        message: saved.duplicateOf
          ? t('intake.savedDuplicate', { title: saved.duplicateOf.title })
          : t('intake.saved', {
              title: demand.title,
              place: tree ? placePath(tree, demand.scope) : demand.scope,
              due: demand.dueAt ? formatDateTime(demand.dueAt) : '—',
            }),
      });
      // Whatever was typed while saving is the next demand: only the saved draft is cleared. The
      // form's reset renders as a transition once the frame with the confirmation alone is out.
      afterNextFrame(() =>
        startTransition(() => {
          setDraft((current) =>
            current === saved ? emptyDraft({ placeScope: place.scope, source: saved.source }) : current,
          );
          setPhotos([]);
        }),
      );
      descriptionRef.current?.focus();
      audited.catch((error: unknown) =>
        setResult({
          severity: 'error',
          scope: demand.scope,
          message: t('intake.auditFailed', { title: demand.title, message: (error as Error).message }),
        }),
      );
    } catch (error) {
      setResult({ severity: 'error', message: t('intake.failed', { message: (error as Error).message }) });
    } finally {
      savingRef.current = false;
      window.clearTimeout(busy);
      startTransition(() => setSaving(false));
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    // Enter also confirms a pinyin input method's candidate: that keystroke is not ours.
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      void save();
      return;
    }
    const target = event.target as HTMLElement;
    if (!['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) return;
    if (event.shiftKey && target.tagName === 'TEXTAREA') return;
    event.preventDefault();
    if (formRef.current) focusNext(formRef.current, target);
  };

  const select = <V extends string>(
    id: string,
    label: string,
    value: string,
    values: readonly V[],
    labelOf: (v: V) => string,
    onChange: (v: string) => void,
    extra: { helperText?: string; error?: boolean; empty?: string } = {},
  ) => (
    <TextField
      select
      id={id}
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      helperText={extra.helperText ?? ' '}
      error={extra.error}
      slotProps={{ select: { native: true }, htmlInput: { 'data-testid': id } }}
    >
      {extra.empty !== undefined && <option value="">{extra.empty}</option>}
      {values.map((v, i) => (
        // The number lets a keyboard user pick by typing it (native select type-ahead).
        <option key={v} value={v}>{`${i + 1} ${labelOf(v)}`}</option>
      ))}
    </TextField>
  );

  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ alignItems: 'baseline', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h2" component="h1">
          {t('intake.title')}
        </Typography>
        <Typography color="text.secondary">{t('intake.hint')}</Typography>
      </Stack>
      {!online && (
        <Alert severity="info" data-testid="intake-offline">
          {t('intake.offline')}
        </Alert>
      )}
      <IntakeResult store={resultStore} />
      <Box
        sx={{
          display: 'grid',
          gap: 3,
          gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 2fr) minmax(300px, 1fr)' },
          alignItems: 'start',
        }}
      >
        <Card>
          <CardContent>
            <form
              ref={formRef}
              aria-label={t('intake.title')}
              onKeyDown={onKeyDown}
              onSubmit={(e) => {
                e.preventDefault();
                void save();
              }}
            >
              <Stack spacing={2}>
                <PlaceField
                  tree={tree}
                  home={settings.homeScope}
                  value={draft.placeScope}
                  onChange={(scope) => set('placeScope', scope)}
                  error={errors.place === 'placeMissing' ? t('intake.placeMissing') : undefined}
                  autoFocus={!draft.placeScope}
                  inputRef={placeRef}
                />
                <CountedTextField
                  label={t('intake.description')}
                  value={draft.description}
                  limit={DEMAND_TEXT_LIMITS.description}
                  onChange={(e) => set('description', e.target.value)}
                  multiline
                  minRows={3}
                  autoFocus={Boolean(draft.placeScope)}
                  inputRef={descriptionRef}
                  problem={
                    errors.description === 'descriptionMissing' ? t('intake.descriptionMissing') : undefined
                  }
                  helperText={t('intake.descriptionHint')}
                  slotProps={{ htmlInput: { 'data-testid': 'intake-description' } }}
                />
                <Box
                  sx={{
                    display: 'grid',
                    gap: 2,
                    gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(4, 1fr)' },
                  }}
                >
                  {select(
                    'intake-type',
                    t('intake.type'),
                    draft.type,
                    DEMAND_TYPES,
                    (v) => t(`types.${v}`),
                    (v) => set('type', v as IntakeDraft['type']),
                  )}
                  {select(
                    'intake-category',
                    t('intake.category'),
                    category ?? '',
                    DEMAND_CATEGORIES,
                    (v) => t(`categories.${v}`),
                    (v) => set('category', v as IntakeDraft['category']),
                    {
                      empty: category ? undefined : '—',
                      error: Boolean(errors.category) && !category,
                      helperText:
                        errors.category && !category
                          ? t('intake.categoryMissing')
                          : draft.category === '' && suggested
                            ? t('intake.categorySuggested')
                            : ' ',
                    },
                  )}
                  {select(
                    'intake-source',
                    t('intake.source'),
                    draft.source,
                    DEMAND_SOURCES,
                    (v) => t(`sources.${v}`),
                    (v) => set('source', v as IntakeDraft['source']),
                  )}
                  {select(
                    'intake-urgency',
                    t('intake.urgency'),
                    draft.urgency,
                    URGENCIES,
                    (v) => t(`urgencies.${v}`),
                    (v) => set('urgency', v as IntakeDraft['urgency']),
                  )}
                </Box>
                <FormControlLabel
                  control={
                    <Checkbox
                      checked={draft.vulnerable}
                      onChange={(e) => set('vulnerable', e.target.checked)}
                      slotProps={{ input: { 'data-testid': 'intake-vulnerable' } as object }}
                    />
                  }
                  label={t('intake.vulnerable')}
                />
                <CountedTextField
                  label={t('intake.titleField')}
                  value={draft.title}
                  limit={DEMAND_TEXT_LIMITS.title}
                  onChange={(e) => set('title', e.target.value)}
                  placeholder={derived}
                  helperText={derived ? t('intake.titleHint', { derived }) : t('intake.titleHintEmpty')}
                  slotProps={{ htmlInput: { 'data-testid': 'intake-title', 'data-field': 'title' } }}
                />
                <Typography variant="h4" component="h2">
                  {t('intake.reporter')}
                </Typography>
                <Box
                  sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr 1.4fr' } }}
                >
                  <CountedTextField
                    label={t('intake.reporterName')}
                    value={draft.reporterName}
                    limit={DEMAND_TEXT_LIMITS.reporterName}
                    onChange={(e) => set('reporterName', e.target.value)}
                    slotProps={{
                      htmlInput: { 'data-testid': 'intake-reporter-name', 'data-field': 'reporterName' },
                    }}
                  />
                  <TextField
                    label={t('intake.reporterPhone')}
                    value={draft.reporterPhone}
                    onChange={(e) => set('reporterPhone', e.target.value)}
                    error={Boolean(errors.reporterPhone) && normalisePhone(draft.reporterPhone) === null}
                    helperText={
                      errors.reporterPhone && normalisePhone(draft.reporterPhone) === null
                        ? t('intake.phoneInvalid', { phone: draft.reporterPhone.trim() })
                        : undefined
                    }
                    slotProps={{
                      htmlInput: {
                        inputMode: 'tel',
                        'data-testid': 'intake-reporter-phone',
                        'data-field': 'reporterPhone',
                      },
                    }}
                  />
                  <CountedTextField
                    label={t('intake.addressDetail')}
                    value={draft.addressDetail}
                    limit={DEMAND_TEXT_LIMITS.addressDetail}
                    onChange={(e) => set('addressDetail', e.target.value)}
                    slotProps={{
                      htmlInput: { 'data-testid': 'intake-address', 'data-field': 'addressDetail' },
                    }}
                  />
                </Box>
                <PhotoField
                  photos={photos}
                  onChange={setPhotos}
                  onBusy={setPhotoBusy}
                  testId="intake-photos"
                />
                {draft.duplicateOf && (
                  <Alert
                    severity="warning"
                    data-testid="intake-linked"
                    action={
                      <Button color="inherit" tabIndex={-1} onClick={() => set('duplicateOf', null)}>
                        {t('intake.unlink')}
                      </Button>
                    }
                  >
                    {t('intake.linkedTo', { title: draft.duplicateOf.title })}
                  </Alert>
                )}
                <Box>
                  <Button
                    type="submit"
                    variant="contained"
                    disabled={saving || photoBusy}
                    data-testid="intake-save"
                  >
                    {saving ? t('intake.saving') : t('intake.save')}
                  </Button>
                </Box>
              </Stack>
            </form>
          </CardContent>
        </Card>
        <SimilarFor
          tree={tree}
          scope={draft.placeScope}
          text={{ title: draft.title, description: draft.description, category }}
          ready={Boolean(draft.placeScope) && draft.description.trim().length >= 2}
          linkedId={draft.duplicateOf?.id ?? null}
          onLink={(hit) => set('duplicateOf', { id: hit.demandId, title: hit.demand.title })}
        />
      </Box>
    </Stack>
  );
}
