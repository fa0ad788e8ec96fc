import type { Role } from '@firstline/contracts';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '@/components/ui';

const TONES: Record<Role, BadgeTone> = { trainee: 'neutral', instructor: 'blue', supervisor: 'violet', admin: 'amber' };

export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation();
  return <Badge tone={TONES[role]}>{t(`roles.${role}`)}</Badge>;
}
