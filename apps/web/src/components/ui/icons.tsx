// Small inline icons (stroke style, 24-px grid). Decorative unless given a title.
import type { ReactNode, SVGProps } from 'react';

type IconProps = SVGProps<SVGSVGElement> & { size?: number };

function make(paths: ReactNode, displayName: string) {
  function Icon({ size = 20, ...rest }: IconProps) {
    return (
      <svg
        width={size}
        height={size}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.8}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
        {...rest}
      >
        {paths}
      </svg>
    );
  }
  Icon.displayName = displayName;
  return Icon;
}

export const UsersIcon = make(
  <>
    <circle cx="9" cy="8" r="3.2" />
    <path d="M3.5 19c.6-3 2.9-5 5.5-5s4.9 2 5.5 5" />
    <path d="M16 5.2a3 3 0 010 5.6M17.5 14.2c1.6.6 2.7 2.2 3 4.8" />
  </>,
  'UsersIcon',
);
export const BuildingIcon = make(
  <>
    <path d="M4 20V5.5L12 3l8 2.5V20" />
    <path d="M3 20h18M9 9h.01M12 9h.01M15 9h.01M9 13h.01M12 13h.01M15 13h.01M10.5 20v-3h3v3" />
  </>,
  'BuildingIcon',
);
export const UploadIcon = make(
  <>
    <path d="M12 15V4M7.5 8.5L12 4l4.5 4.5" />
    <path d="M4 15v3.5A1.5 1.5 0 005.5 20h13a1.5 1.5 0 001.5-1.5V15" />
  </>,
  'UploadIcon',
);
export const ListIcon = make(
  <>
    <path d="M9 6h11M9 12h11M9 18h11" />
    <circle cx="4.5" cy="6" r=".9" />
    <circle cx="4.5" cy="12" r=".9" />
    <circle cx="4.5" cy="18" r=".9" />
  </>,
  'ListIcon',
);
export const BookIcon = make(
  <>
    <path d="M4 5.5A1.5 1.5 0 015.5 4H11v16H5.5A1.5 1.5 0 014 18.5z" />
    <path d="M20 5.5A1.5 1.5 0 0018.5 4H13v16h5.5a1.5 1.5 0 001.5-1.5z" />
  </>,
  'BookIcon',
);
export const GroupIcon = make(
  <>
    <rect x="3" y="4" width="18" height="16" rx="2" />
    <path d="M3 9h18M8 4v16" />
  </>,
  'GroupIcon',
);
export const ChartIcon = make(
  <>
    <path d="M4 20V4M4 20h16" />
    <path d="M8 16v-4M12 16V8M16 16v-6" />
  </>,
  'ChartIcon',
);
export const SignOutIcon = make(
  <>
    <path d="M14 4h4.5A1.5 1.5 0 0120 5.5v13a1.5 1.5 0 01-1.5 1.5H14" />
    <path d="M10 8l-4 4 4 4M6 12h10" />
  </>,
  'SignOutIcon',
);
export const PlusIcon = make(<path d="M12 5v14M5 12h14" />, 'PlusIcon');
export const SearchIcon = make(
  <>
    <circle cx="11" cy="11" r="6.5" />
    <path d="M20 20l-4.2-4.2" />
  </>,
  'SearchIcon',
);
export const AlertIcon = make(
  <>
    <path d="M12 3.5l9.5 16.5h-19z" />
    <path d="M12 10v4.5M12 17.2v.1" />
  </>,
  'AlertIcon',
);
export const InfoIcon = make(
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 11v5.5M12 7.6v.1" />
  </>,
  'InfoIcon',
);
export const CheckCircleIcon = make(
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M8 12.3l2.7 2.7L16 9.6" />
  </>,
  'CheckCircleIcon',
);
export const CloseIcon = make(<path d="M6 6l12 12M18 6L6 18" />, 'CloseIcon');
export const FileIcon = make(
  <>
    <path d="M14 3H6.5A1.5 1.5 0 005 4.5v15A1.5 1.5 0 006.5 21h11a1.5 1.5 0 001.5-1.5V8z" />
    <path d="M14 3v5h5M9 13h6M9 17h6" />
  </>,
  'FileIcon',
);
export const DownloadIcon = make(
  <>
    <path d="M12 4v11M7.5 10.5L12 15l4.5-4.5" />
    <path d="M4 15v3.5A1.5 1.5 0 005.5 20h13a1.5 1.5 0 001.5-1.5V15" />
  </>,
  'DownloadIcon',
);
export const ChevronIcon = make(<path d="M9 6l6 6-6 6" />, 'ChevronIcon');
export const GlobeIcon = make(
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M3 12h18M12 3c2.5 2.6 3.7 5.6 3.7 9s-1.2 6.4-3.7 9c-2.5-2.6-3.7-5.6-3.7-9S9.5 5.6 12 3z" />
  </>,
  'GlobeIcon',
);
export const TrashIcon = make(
  <>
    <path d="M4 7h16M10 11v6M14 11v6" />
    <path d="M6 7l1 12.5A1.5 1.5 0 008.5 21h7a1.5 1.5 0 001.5-1.5L18 7M9 7V4.5h6V7" />
  </>,
  'TrashIcon',
);
export const PencilIcon = make(
  <>
    <path d="M4 20h4L19 9a2.1 2.1 0 00-3-3L5 17z" />
    <path d="M14 8l3 3" />
  </>,
  'PencilIcon',
);
