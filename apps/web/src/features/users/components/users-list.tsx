// Admin's user list: search by name, username or service number; filter by role and unit; page through.
import { ROLES, type Role, type UnitView, type UserView } from '@firstline/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Badge,
  Button,
  type Column,
  EmptyState,
  FilterSelect,
  LoadingBlock,
  Pagination,
  PencilIcon,
  QueryError,
  SearchInput,
  Spinner,
  Table,
  UsersIcon,
} from '@/components/ui';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { useUsers, type UsersFilter } from '../api/get-users';
import { RoleBadge } from './role-badge';

export const USERS_PAGE_SIZE = 25;

export function UsersList({ units, onEdit }: { units: UnitView[]; onEdit: (user: UserView) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [unitId, setUnitId] = useState('');
  const [offset, setOffset] = useState(0);
  const q = useDebouncedValue(search.trim(), 300);
  const filter: UsersFilter = {
    q: q || undefined,
    role: role || undefined,
    unitId: unitId || undefined,
    limit: USERS_PAGE_SIZE,
    offset,
  };
  const users = useUsers(filter);
  const filtered = Boolean(q || role || unitId);

  const columns: Column<UserView>[] = [
    {
      key: 'name',
      header: t('users.name'),
      cell: (u) => (
        <div className="fl-person">
          <span className="fl-table__primary">{u.displayName}</span>
          <code className="fl-person__sub" dir="ltr">
            {u.username}
          </code>
        </div>
      ),
    },
    {
      key: 'service',
      header: t('users.serviceNumber'),
      cell: (u) => (
        <span dir="ltr" className="fl-nowrap">
          {u.serviceNumber ?? '—'}
        </span>
      ),
    },
    { key: 'role', header: t('users.role'), cell: (u) => <RoleBadge role={u.role} /> },
    {
      key: 'unit',
      header: t('units.unit'),
      // The short code keeps rows on one line; the full name is the tooltip and what a screen reader reads.
      cell: (u) => {
        if (!u.unitName) return <span className="fl-muted">—</span>;
        const code = units.find((x) => x.id === u.unitId)?.code;
        if (!code) return u.unitName;
        return (
          <span className="fl-unit-code" title={u.unitName}>
            <span aria-hidden="true" dir="ltr">
              {code}
            </span>
            <span className="fl-visually-hidden">{u.unitName}</span>
          </span>
        );
      },
    },
    {
      key: 'status',
      header: t('users.status'),
      cell: (u) =>
        u.active ? <Badge tone="green">{t('users.active')}</Badge> : <Badge tone="red">{t('users.inactive')}</Badge>,
    },
    {
      key: 'actions',
      header: <span className="fl-visually-hidden">{t('common.actions')}</span>,
      align: 'end',
      cell: (u) => (
        <Button
          variant="ghost"
          size="sm"
          icon={<PencilIcon size={16} />}
          onClick={() => onEdit(u)}
          aria-label={t('users.editNamed', { name: u.displayName })}
        >
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <div className="fl-stack">
      <div className="fl-filters" role="search">
        <SearchInput
          className="fl-filters__search"
          label={t('users.search')}
          placeholder={t('users.searchPlaceholder')}
          value={search}
          onValueChange={(v) => {
            setSearch(v);
            setOffset(0);
          }}
        />
        <FilterSelect
          label={t('users.role')}
          allLabel={t('users.allRoles')}
          value={role}
          options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          onChange={(value) => {
            setRole(value);
            setOffset(0);
          }}
        />
        <FilterSelect
          label={t('units.unit')}
          allLabel={t('users.allUnits')}
          value={unitId}
          options={units.map((unit) => ({ value: unit.id, label: unit.name }))}
          onChange={(value) => {
            setUnitId(value);
            setOffset(0);
          }}
        />
        {users.isFetching && !users.isPending && <Spinner size="sm" />}
      </div>

      {users.isPending ? (
        <LoadingBlock />
      ) : users.isError ? (
        <QueryError error={users.error} onRetry={() => users.refetch()} />
      ) : users.data.items.length === 0 ? (
        <EmptyState
          icon={<UsersIcon size={32} />}
          title={filtered ? t('users.noMatchesTitle') : t('users.emptyTitle')}
          description={filtered ? t('users.noMatchesText') : t('users.emptyText')}
        />
      ) : (
        <>
          <Table
            columns={columns}
            rows={users.data.items}
            rowKey={(u) => u.id}
            caption={t('nav.users')}
            rowClassName={(u) => (u.active ? undefined : 'fl-row--muted')}
          />
          <Pagination
            total={users.data.total}
            limit={users.data.limit || USERS_PAGE_SIZE}
            offset={users.data.offset}
            onChange={setOffset}
          />
        </>
      )}
    </div>
  );
}
