import type { FeatureAnnotationInput } from '@firstline/contracts';
import type { SpecimenFeature, SpecimenImage } from './specimen.entity';
import { bySideLightFrame, toFeatureRow, toFeatureView, toLessonFeature, toLessonView } from './specimens.mapper';

const feature = {
  id: 'f1',
  specimenId: 's1',
  position: 0,
  name: 'Machine-readable zone',
  kind: 'mrz',
  category: 'machine-readable',
  side: 'data-page',
  lights: ['visible', 'ir'],
  region: [
    [0, 0],
    [1, 0],
    [1, 1],
  ],
  description: 'OCR-B',
  zoomHint: { center: [0.5, 0.5], zoom: 3 },
} as SpecimenFeature;

const image = (side: string, light: string, frame: number, assetId: string) =>
  ({ id: assetId, specimenId: 's1', side, light, frame, assetId }) as SpecimenImage;

describe('specimens mapper', () => {
  it('orders images by side, then light, then frame', () => {
    const images = [
      image('back', 'visible', 1, 'a'),
      image('data-page', 'uv365', 1, 'b'),
      image('data-page', 'oblique', 2, 'c'),
      image('data-page', 'visible', 1, 'd'),
      image('data-page', 'oblique', 1, 'e'),
    ];
    expect(images.sort(bySideLightFrame).map((i) => i.assetId)).toEqual(['d', 'e', 'c', 'b', 'a']);
  });

  it('a library feature view carries the zoom hint; a lesson feature does not', () => {
    expect(toFeatureView(feature)).toEqual({ ...toLessonFeature(feature), zoomHint: feature.zoomHint });
    expect(toLessonFeature(feature)).not.toHaveProperty('zoomHint');
  });

  it('a stored annotation gets its position, an empty description and no zoom hint by default', () => {
    const input: FeatureAnnotationInput = {
      name: 'Ghost image',
      kind: 'ghost-image',
      category: 'personalisation',
      side: 'data-page',
      lights: ['visible'],
      region: feature.region,
      description: '',
    };
    // as a caller that skipped the schema's default would send it
    delete (input as Partial<FeatureAnnotationInput>).description;
    expect(toFeatureRow('s1', input, 4)).toMatchObject({
      specimenId: 's1',
      position: 4,
      description: '',
      zoomHint: null,
    });
  });

  it('a lesson leaves out images without signed URLs', () => {
    const urls = new Map([['d', { width: 1, height: 1, dzi: 'x', variants: {}, expiresAt: 'y' }]]);
    const specimen = { id: 's1', title: 'T', issuingState: 'UTO', documentType: 'TD3' as const, description: '' };
    const lesson = toLessonView(
      specimen,
      [image('data-page', 'uv365', 1, 'b'), image('data-page', 'visible', 1, 'd')],
      urls,
      [],
    );
    expect(lesson.images.map((i) => i.light)).toEqual(['visible']);
  });
});
