// A specimen's images as a grid: one section per side, one cell per light (and per frame under oblique light).
import { LIGHTS, type DocumentType, type SpecimenImageView } from '@firstline/contracts';
import { useTranslation } from 'react-i18next';
import { sidesOf } from '../lib/document-sides';
import { ImageSlot } from './image-slot';

const MAX_FRAMES = 12;

export function ImagesGrid({
  specimenId,
  documentType,
  images,
  canEdit,
}: {
  specimenId: string;
  documentType: DocumentType;
  images: SpecimenImageView[];
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="fl-stack">
      {sidesOf(documentType, images).map((side) => (
        <section key={side} className="fl-side" aria-labelledby={`side-${side}`}>
          <h3 id={`side-${side}`} className="fl-side__title">
            {t(`taxonomy.side.${side}`)}
          </h3>
          <div className="fl-slots">
            {LIGHTS.flatMap((light) => {
              const name = (frame?: number) =>
                [
                  t(`taxonomy.side.${side}`),
                  t(`taxonomy.light.${light}`),
                  frame ? t('library.frame', { n: frame }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ');
              const here = images.filter((i) => i.side === side && i.light === light).sort((a, b) => a.frame - b.frame);
              if (light !== 'oblique') {
                return [
                  <ImageSlot
                    key={light}
                    specimenId={specimenId}
                    side={side}
                    light={light}
                    frame={1}
                    image={here[0] ?? null}
                    canEdit={canEdit}
                    label={name()}
                  />,
                ];
              }
              // Oblique light: every frame is a cell, plus an empty cell for the next frame.
              const frames = here.map((i) => i.frame);
              const next = Math.max(0, ...frames) + 1;
              const cells = here.map((i) => (
                <ImageSlot
                  key={`oblique-${i.frame}`}
                  specimenId={specimenId}
                  side={side}
                  light={light}
                  frame={i.frame}
                  image={i}
                  canEdit={canEdit}
                  label={name(i.frame)}
                />
              ));
              if (canEdit && next <= MAX_FRAMES) {
                cells.push(
                  <ImageSlot
                    key={`oblique-${next}`}
                    specimenId={specimenId}
                    side={side}
                    light={light}
                    frame={next}
                    image={null}
                    canEdit={canEdit}
                    label={name(next)}
                  />,
                );
              }
              if (cells.length === 0)
                cells.push(
                  <ImageSlot
                    key="oblique-1"
                    specimenId={specimenId}
                    side={side}
                    light={light}
                    frame={1}
                    image={null}
                    canEdit={false}
                    label={name()}
                  />,
                );
              return cells;
            })}
          </div>
        </section>
      ))}
    </div>
  );
}
