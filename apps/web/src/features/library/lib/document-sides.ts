import type { DocumentSide, DocumentType, SpecimenImageView } from '@firstline/contracts';

/** Which sides a document type has (ICAO 9303): a passport's data page and visa pages, a card's two faces. */
export function sidesOf(documentType: DocumentType, images: SpecimenImageView[] = []): DocumentSide[] {
  const base: DocumentSide[] =
    documentType === 'TD3'
      ? ['data-page', 'visa-page']
      : documentType === 'MRV-A' || documentType === 'MRV-B'
        ? ['visa-page']
        : ['front', 'back'];
  const extra = images.map((i) => i.side).filter((s) => !base.includes(s));
  return [...base, ...new Set(extra)];
}
