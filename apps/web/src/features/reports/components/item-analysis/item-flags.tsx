// Moodle's flags on an item as readable badges: red for "very likely needs checking" and negative covariance,
// amber for the rest. Too few responses is said by the row itself (greyed, labelled), not here.
import type { ItemFlag } from '@firstline/contracts';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '@/components/ui';

const TONE: Record<ItemFlag, BadgeTone> = {
  'very-likely-needs-checking': 'red',
  'negative-covariance': 'red',
  'likely-needs-checking': 'amber',
  'low-efficiency': 'amber',
  'too-few-responses': 'neutral',
};

export function ItemFlags({ flags }: { flags: readonly ItemFlag[] }) {
  const { t } = useTranslation();
  const shown = flags.filter((f) => f !== 'too-few-responses');
  if (shown.length === 0) return null;
  return (
    <span className="fl-badges fl-ia-flags" data-testid="item-flags">
      {shown.map((flag) => (
        <Badge key={flag} tone={TONE[flag]}>
          {t(`itemAnalysis.flag.${flag}`)}
        </Badge>
      ))}
    </span>
  );
}
