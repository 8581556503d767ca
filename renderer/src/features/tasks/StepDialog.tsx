import { useState } from 'react';
import { FormControlLabel, Radio, RadioGroup, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../kit/FormDialog';
import { PhotoField } from '../../kit/PhotoField';
import './strings';

export interface StepField {
  key: string;
  label: string;
  multiline?: boolean;
  number?: boolean;
}

interface Props {
  title: string;
  hint?: string;
  fields: readonly StepField[];
  choices?: readonly { value: string; label: string }[];
  submitLabel?: string;
  testId?: string;
  /** The words of the photo button, when the step takes evidence photos. */
  photosLabel?: string;
  onClose: () => void;
  /** Returns the refusal message, or nothing when the step was saved. */
  onSubmit: (
    values: Record<string, string>,
    choice: string | undefined,
    photos: readonly Blob[],
  ) => Promise<string | undefined>;
}

/** One dialog for the steps of 办/督/评: a few fields, an optional choice, the machine's refusal shown. */
export function StepDialog({
  title,
  hint,
  fields,
  choices,
  submitLabel,
  testId,
  photosLabel,
  onClose,
  onSubmit,
}: Props) {
  const { t } = useTranslation('tasks');
  const [values, setValues] = useState<Record<string, string>>({});
  const [choice, setChoice] = useState<string | undefined>(choices?.[0]?.value);
  const [photos, setPhotos] = useState<Blob[]>([]);
  const [compressing, setCompressing] = useState(false);
  return (
    <FormDialog
      title={title}
      submitLabel={submitLabel ?? t('page.save')}
      cancelLabel={t('page.cancel')}
      onSubmit={() => onSubmit(values, choice, photos)}
      onClose={onClose}
      busy={compressing}
      testId={testId}
      submitTestId="step-submit"
    >
      {hint && <Typography sx={{ color: 'text.secondary' }}>{hint}</Typography>}
      {choices && (
        <RadioGroup value={choice ?? ''} onChange={(e) => setChoice(e.target.value)}>
          {choices.map((c) => (
            <FormControlLabel key={c.value} value={c.value} control={<Radio />} label={c.label} />
          ))}
        </RadioGroup>
      )}
      {fields.map((field, i) => (
        <TextField
          key={field.key}
          label={field.label}
          autoFocus={i === 0 && !choices}
          multiline={field.multiline}
          minRows={field.multiline ? 3 : undefined}
          type={field.number ? 'number' : 'text'}
          value={values[field.key] ?? ''}
          onChange={(e) => setValues((v) => ({ ...v, [field.key]: e.target.value }))}
          slotProps={{
            htmlInput: {
              maxLength: field.number ? undefined : 2000,
              min: field.number ? 0 : undefined,
              'data-testid': `step-${field.key}`,
            },
          }}
        />
      ))}
      {photosLabel && (
        <PhotoField
          photos={photos}
          onChange={setPhotos}
          onBusy={setCompressing}
          label={photosLabel}
          testId="step-photos"
        />
      )}
    </FormDialog>
  );
}
