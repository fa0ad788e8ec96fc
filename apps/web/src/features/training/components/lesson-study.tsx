// Specimen study: a genuine document under each light, its security features drawn on it and listed beside it.
// Features can be shown or hidden, and narrowed to the ones checked under the light in use; picking one zooms to it.
import type { DocumentSide, LessonView } from '@firstline/contracts';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DocumentViewer, type ViewerRegion } from '@/components/viewer/document-viewer';
import { useLightSwitch } from '@/components/viewer/use-light-switch';
import type { ViewerEngine } from '@/components/viewer/viewer-engine-types';
import { ViewerToolbar } from '@/components/viewer/viewer-toolbar';

export function LessonStudy({ lessons }: { lessons: LessonView[] }) {
  const { t } = useTranslation();
  const [index, setIndex] = useState(0);
  const lesson = lessons[Math.min(index, lessons.length - 1)];
  return (
    <div className="fl-lessons">
      {lessons.length > 1 && (
        <div className="fl-segmented fl-lessons__tabs" role="group" aria-label={t('lessons.specimens')}>
          {lessons.map((l, i) => (
            <button key={l.specimenId} type="button" dir="auto" aria-pressed={i === index} onClick={() => setIndex(i)}>
              {l.title}
            </button>
          ))}
        </div>
      )}
      <SpecimenLesson key={lesson.specimenId} lesson={lesson} />
    </div>
  );
}

function SpecimenLesson({ lesson }: { lesson: LessonView }) {
  const { t } = useTranslation();
  const sides = useMemo(() => [...new Set(lesson.images.map((i) => i.side))], [lesson]);
  const [side, setSide] = useState<DocumentSide>(sides[0] ?? 'data-page');
  const sideImages = useMemo(() => lesson.images.filter((i) => i.side === side), [lesson, side]);
  const view = useLightSwitch(side, sideImages);
  const { lights, light } = view;
  const [showFeatures, setShowFeatures] = useState(true);
  const [onlyThisLight, setOnlyThisLight] = useState(true);
  const [active, setActive] = useState<string | null>(null);
  const engine = useRef<ViewerEngine | null>(null);
  const pendingFit = useRef<string | null>(null);

  const listed = lesson.features.filter(
    (f) => f.side === side && (!onlyThisLight || !light || f.lights.includes(light)),
  );
  const regions: ViewerRegion[] = showFeatures
    ? listed.map((f) => ({ key: f.id, polygon: f.region, tone: f.id === active ? 'active' : 'feature', label: f.name }))
    : [];

  const focusFeature = (id: string) => {
    const feature = lesson.features.find((f) => f.id === id);
    if (!feature) return;
    setActive(id);
    setShowFeatures(true);
    if (feature.side !== side) {
      pendingFit.current = id; // the viewer reopens on the other side; zoom once it is there
      setSide(feature.side);
    } else {
      engine.current?.fitRegion(feature.region);
    }
  };

  return (
    <div className="fl-lesson">
      <div className="fl-lesson__doc">
        <header className="fl-lesson__header">
          <h2 dir="auto">{lesson.title}</h2>
          <p className="fl-lesson__meta" dir="ltr">
            {lesson.issuingState} · {lesson.documentType}
          </p>
        </header>
        {lights.length > 0 && light && view.visible && (
          <>
            <ViewerToolbar sides={sides} side={side} onSide={setSide} view={view} engine={engine} />
            <DocumentViewer
              key={side}
              images={view.layers}
              visible={view.visible}
              label={t('player.documentLabel', {
                side: t(`taxonomy.side.${side}`),
                light: t(`taxonomy.light.${light}`),
              })}
              onEngine={(e) => {
                engine.current = e;
                const id = pendingFit.current;
                const feature = id ? lesson.features.find((f) => f.id === id) : null;
                if (e && feature) {
                  pendingFit.current = null;
                  e.fitRegion(feature.region);
                }
              }}
              regions={regions}
            />
          </>
        )}
        {lesson.description && <p className="fl-lesson__description">{lesson.description}</p>}
      </div>
      <aside className="fl-lesson__features">
        <h3>{t('lessons.features')}</h3>
        <div className="fl-lesson__filters">
          <label className="fl-option">
            <input
              type="checkbox"
              checked={showFeatures}
              onChange={(e) => setShowFeatures(e.target.checked)}
              data-testid="toggle-features"
            />
            <span>{t('lessons.showFeatures')}</span>
          </label>
          <label className="fl-option">
            <input type="checkbox" checked={onlyThisLight} onChange={(e) => setOnlyThisLight(e.target.checked)} />
            <span>{t('lessons.onlyThisLight', { light: light ? t(`taxonomy.light.${light}`) : '' })}</span>
          </label>
        </div>
        {listed.length === 0 ? (
          <p className="fl-part__hint">{t('lessons.noFeatures')}</p>
        ) : (
          <ul className="fl-feature-list">
            {listed.map((f) => (
              <li key={f.id}>
                <button
                  type="button"
                  className="fl-feature"
                  aria-pressed={f.id === active}
                  onClick={() => focusFeature(f.id)}
                  data-testid="lesson-feature"
                >
                  <span className="fl-feature__name">{f.name}</span>
                  <span className="fl-feature__meta">
                    {t(`taxonomy.category.${f.category}`)} · {f.lights.map((l) => t(`taxonomy.light.${l}`)).join(', ')}
                  </span>
                  {f.description && <span className="fl-feature__text">{f.description}</span>}
                </button>
              </li>
            ))}
          </ul>
        )}
      </aside>
    </div>
  );
}
