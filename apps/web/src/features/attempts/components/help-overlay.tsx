// The keyboard shortcuts, shown with "?".
import { useTranslation } from 'react-i18next';
import { Dialog } from '@/components/ui';

export const SHORTCUTS: Array<{ keys: string[]; labelKey: string }> = [
  { keys: ['A'], labelKey: 'player.keys.accept' },
  { keys: ['R'], labelKey: 'player.keys.refer' },
  { keys: ['Enter'], labelKey: 'player.keys.confirm' },
  { keys: ['M'], labelKey: 'player.keys.mark' },
  { keys: ['1', '…', '5'], labelKey: 'player.keys.lights' },
  { keys: ['S'], labelKey: 'player.keys.side' },
  { keys: ['+', '−'], labelKey: 'player.keys.zoom' },
  { keys: ['0'], labelKey: 'player.keys.home' },
  { keys: ['←', '↑', '→', '↓'], labelKey: 'player.keys.pan' },
  { keys: ['T'], labelKey: 'player.keys.tilt' },
  { keys: ['L'], labelKey: 'player.keys.loupe' },
  { keys: ['N'], labelKey: 'player.keys.next' },
  { keys: ['?'], labelKey: 'player.keys.help' },
];

export function HelpOverlay({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={t('player.helpTitle')} description={t('player.helpLead')}>
      <dl className="fl-shortcuts" data-testid="shortcut-help">
        {SHORTCUTS.map((s) => (
          <div key={s.labelKey} className="fl-shortcuts__row">
            <dt dir="ltr">{s.keys.map((k) => (k === '…' ? <span key={k}>–</span> : <kbd key={k}>{k}</kbd>))}</dt>
            <dd>{t(s.labelKey)}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
