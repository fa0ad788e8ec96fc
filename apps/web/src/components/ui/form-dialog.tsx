// A dialog around one form: a failed submit's banner above the fields, Cancel and the submit button below.
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button';
import { Dialog } from './dialog';

export function FormDialog({
  open,
  onClose,
  title,
  description,
  size,
  formId,
  onSubmit,
  submitLabel,
  isSubmitting,
  banner,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  size?: 'md' | 'lg';
  /** The form's id, which the footer's submit button points at. */
  formId: string;
  onSubmit: (e: FormEvent) => void;
  submitLabel: ReactNode;
  isSubmitting?: boolean;
  /** Shown above the fields: why the last submit failed. */
  banner?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      size={size}
      title={title}
      description={description}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" form={formId} isLoading={isSubmitting}>
            {submitLabel}
          </Button>
        </>
      }
    >
      <form id={formId} className="fl-form" onSubmit={onSubmit} noValidate>
        {banner}
        {children}
      </form>
    </Dialog>
  );
}
