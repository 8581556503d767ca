import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import PrintIcon from '@mui/icons-material/Print';
import { useTranslation } from 'react-i18next';
import { dateWords, splitSections } from '#shared/domain/archive/index';
import { CASE_KINDS, type CaseKind, type CaseState } from '#shared/domain/vocab';
import type { CaseDoc } from '#shared/schema/index';
import { platform } from '../../platform';
import { PrintDocument, PrintSheet } from '../../kit/PrintSheet';
import { saveCase, type CaseActor } from './case-actions';
import './strings';

/** Editing a write-up: title, kind and text; published when ready; printed on A4. */
export function CaseEditor({
  actor,
  entry,
  topicTitle,
  onBack,
}: {
  actor: CaseActor;
  entry: CaseDoc;
  topicTitle?: string;
  onBack: () => void;
}) {
  const { t } = useTranslation('archive');
  const [title, setTitle] = useState(entry.title);
  const [kind, setKind] = useState<CaseKind>(entry.kind);
  const [body, setBody] = useState(entry.body);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const dirty = title !== entry.title || kind !== entry.kind || body !== entry.body;

  const save = async (status?: CaseState) => {
    const saved = await saveCase(actor, entry.id, { title, body, kind, ...(status ? { status } : {}) });
    setMessage(
      saved.ok
        ? { ok: true, text: status === 'published' ? t('editor.published') : t('editor.saved') }
        : { ok: false, text: t('refused', { message: saved.message }) },
    );
  };

  const sections = splitSections(body).map((s) => ({
    heading: s.heading,
    lines: s.text.split('\n').filter((l) => l.trim() !== ''),
  }));
  const footer = [
    t(`kind.${kind}`),
    ...(entry.generatedAt ? [t('editor.generatedAt', { date: dateWords(entry.generatedAt) })] : []),
  ];

  return (
    <Stack spacing={3} sx={{ maxWidth: 1200 }} data-testid="case-editor">
      <Box>
        <Button startIcon={<ArrowBackIcon />} onClick={onBack}>
          {t('editor.back')}
        </Button>
      </Box>
      <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h2" component="h1">
          {entry.title}
        </Typography>
        <Chip label={t(`kind.${entry.kind}`)} />
        <Chip
          color={entry.status === 'published' ? 'success' : 'default'}
          label={t(`status.${entry.status}`)}
          data-testid="case-status"
        />
      </Stack>
      {topicTitle && (
        <Typography color="text.secondary">{t('editor.topic', { title: topicTitle })}</Typography>
      )}
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' },
          gap: 3,
          alignItems: 'start',
        }}
      >
        <Card>
          <CardContent>
            <Stack spacing={2}>
              <Stack direction="row" sx={{ gap: 2 }}>
                <TextField
                  label={t('editor.titleField')}
                  value={title}
                  onChange={(e) => setTitle(e.target.value)}
                  sx={{ flexGrow: 1 }}
                  slotProps={{ htmlInput: { 'data-testid': 'case-title', maxLength: 200 } }}
                />
                <TextField
                  select
                  label={t('generate.kind')}
                  value={kind}
                  onChange={(e) => setKind(e.target.value as CaseKind)}
                  sx={{ width: 140 }}
                >
                  {CASE_KINDS.map((k) => (
                    <MenuItem key={k} value={k}>
                      {t(`kind.${k}`)}
                    </MenuItem>
                  ))}
                </TextField>
              </Stack>
              <TextField
                label={t('editor.body')}
                value={body}
                onChange={(e) => setBody(e.target.value)}
                multiline
                minRows={16}
                slotProps={{ htmlInput: { 'data-testid': 'case-body' } }}
              />
              <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
                <Button
                  variant="contained"
                  onClick={() => void save()}
                  disabled={!dirty}
                  data-testid="case-save"
                >
                  {t('editor.save')}
                </Button>
                {entry.status === 'draft' ? (
                  <Button
                    variant="outlined"
                    onClick={() => void save('published')}
                    data-testid="case-publish"
                  >
                    {t('editor.publish')}
                  </Button>
                ) : (
                  <Button variant="outlined" onClick={() => void save('draft')}>
                    {t('editor.unpublish')}
                  </Button>
                )}
                <Button
                  variant="outlined"
                  startIcon={<PrintIcon />}
                  onClick={() => void platform.print()}
                  data-testid="case-print"
                >
                  {t('editor.print')}
                </Button>
              </Stack>
              {message && <Alert severity={message.ok ? 'success' : 'error'}>{message.text}</Alert>}
            </Stack>
          </CardContent>
        </Card>
        <Card>
          <CardContent>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {t('editor.preview')}
            </Typography>
            <Box
              data-testid="case-preview"
              sx={{
                '& h1': { fontSize: '1.4rem', textAlign: 'center', mt: 0 },
                '& h2': { fontSize: '1.1rem', mb: 0.5 },
                '& p': { my: 0.5, textIndent: '2em' },
                '& .print-footer': { textAlign: 'right', textIndent: 0 },
              }}
            >
              <PrintSheet>
                <PrintDocument title={title} sections={sections} footer={footer} />
              </PrintSheet>
            </Box>
          </CardContent>
        </Card>
      </Box>
    </Stack>
  );
}
