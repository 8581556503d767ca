import { useEffect, useMemo, useState } from 'react';
import { Box, Button, IconButton, Stack, Typography } from '@mui/material';
import AddAPhotoIcon from '@mui/icons-material/AddAPhoto';
import CloseIcon from '@mui/icons-material/Close';
import { useTranslation } from 'react-i18next';
import { compressPhoto } from './photos';
import './strings';

interface Props {
  photos: Blob[];
  onChange(photos: Blob[]): void;
  onBusy?(busy: boolean): void;
  /** The button's words (添加照片 when not given). */
  label?: string;
  testId?: string;
}

/** Photos taken with the camera or picked from files, compressed on the device as they are chosen. */
export function PhotoField({ photos, onChange, onBusy, label, testId = 'photos' }: Props) {
  const { t } = useTranslation('kit');
  const [busy, setBusy] = useState(false);
  const urls = useMemo(() => photos.map((p) => URL.createObjectURL(p)), [photos]);
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u)), [urls]);

  const add = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setBusy(true);
    onBusy?.(true);
    try {
      const compressed = await Promise.all([...files].map((f) => compressPhoto(f)));
      onChange([...photos, ...compressed]);
    } finally {
      setBusy(false);
      onBusy?.(false);
    }
  };

  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Button component="label" variant="outlined" startIcon={<AddAPhotoIcon />} tabIndex={-1}>
          {label ?? t('photos.add')}
          <input
            hidden
            type="file"
            accept="image/*"
            multiple
            data-testid={testId}
            onChange={(e) => {
              void add(e.target.files);
              e.target.value = '';
            }}
          />
        </Button>
        <Typography color="text.secondary">
          {busy
            ? t('photos.compressing')
            : photos.length > 0
              ? t('photos.count', { count: photos.length })
              : ''}
        </Typography>
      </Stack>
      {photos.length > 0 && (
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1 }}>
          {urls.map((url, i) => (
            <Box key={url} sx={{ position: 'relative' }}>
              <img src={url} alt="" width={96} height={72} style={{ objectFit: 'cover', borderRadius: 6 }} />
              <IconButton
                size="small"
                aria-label={t('photos.remove', { n: i + 1 })}
                onClick={() => onChange(photos.filter((_, j) => j !== i))}
                sx={{
                  position: 'absolute',
                  top: -8,
                  right: -8,
                  bgcolor: 'background.paper',
                  minWidth: 32,
                  minHeight: 32,
                }}
                tabIndex={-1}
              >
                <CloseIcon fontSize="small" />
              </IconButton>
            </Box>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
