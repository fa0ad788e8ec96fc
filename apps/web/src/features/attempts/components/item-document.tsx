// The item's document: the viewer toolbar and the viewer, with the trainee's suspect points and, once practice
// feedback is in, the regions that give the fraud away.
import type { DocumentSide, ItemFeedback, MarkedPoint, Point } from '@firstline/contracts';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { DocumentViewer, type ViewerMarker, type ViewerRegion } from '@/components/viewer/document-viewer';
import type { LightSwitch } from '@/components/viewer/use-light-switch';
import type { ViewerEngine } from '@/components/viewer/viewer-engine-types';
import { ViewerToolbar } from '@/components/viewer/viewer-toolbar';

export interface Loupe {
  on: boolean;
  toggle: () => void;
  magnification: number;
  setMagnification: (magnification: number) => void;
}

export function ItemDocument({
  sides,
  side,
  onSide,
  view,
  engine,
  loupe,
  points,
  feedback,
  onAddPoint,
  onRemovePoint,
}: {
  sides: DocumentSide[];
  side: DocumentSide;
  onSide: (side: DocumentSide) => void;
  view: LightSwitch;
  engine: RefObject<ViewerEngine | null>;
  loupe: Loupe;
  points: MarkedPoint[];
  feedback: ItemFeedback | null;
  /** Set while suspect points may be placed (a click on the image places one; markers can be removed). */
  onAddPoint?: (point: Point) => void;
  onRemovePoint?: (index: number) => void;
}) {
  const { t } = useTranslation();
  const { light } = view;
  // Markers are numbered across sides, and each is drawn on the side it was clicked on.
  const markers: ViewerMarker[] = points
    .map((point, index) => ({ point, index }))
    .filter(({ point }) => point.side === side)
    .map(({ point, index }) => ({
      point: [point.x, point.y] as Point,
      label: String(index + 1),
      onRemove: onRemovePoint ? () => onRemovePoint(index) : undefined,
    }));
  const regions: ViewerRegion[] = feedback
    ? feedback.regions
        .filter((r) => r.side === side)
        .map((r, i) => ({ key: `truth-${i}`, polygon: r.polygon, tone: 'truth' }))
    : [];

  return (
    <div className="fl-player__doc">
      <ViewerToolbar
        sides={sides}
        side={side}
        onSide={onSide}
        view={view}
        engine={engine}
        loupeOn={loupe.on}
        onLoupeToggle={loupe.toggle}
        magnification={loupe.magnification}
        onMagnification={loupe.setMagnification}
      />
      {view.layers.length > 0 && light && view.visible && (
        <DocumentViewer
          key={side}
          images={view.layers}
          visible={view.visible}
          label={t('player.documentLabel', { side: t(`taxonomy.side.${side}`), light: t(`taxonomy.light.${light}`) })}
          onEngine={(created) => (engine.current = created)}
          loupe={loupe.on ? loupe.magnification : null}
          onImageClick={onAddPoint}
          markers={markers}
          regions={regions}
          crosshair={!!onAddPoint}
        />
      )}
    </div>
  );
}
