import * as scoring from './index';

describe('@firstline/scoring public API', () => {
  it('exports the functions the API and the reports call', () => {
    const functions = [
      'scoreResponse',
      'scoreLocate',
      'scoreSelection',
      'scoreFraudType',
      'signalDetection',
      'classifyDecision',
      'countOutcomes',
      'aPrime',
      'itemAnalysis',
      'estimateRasch',
      'poolItemAnalysis',
      'randomGuessScore',
      'pointInPolygon',
      'distancePointToSegment',
      'distancePointToPolygon',
      'distancePointToPolygonEdge',
      'assignClicks',
      'inverseNormalCdf',
      'normalCdf',
      'normalPdf',
    ];
    for (const name of functions) expect(typeof (scoring as Record<string, unknown>)[name]).toBe('function');
    expect(scoring.DEFAULT_PART_WEIGHTS).toEqual({ decision: 1, locate: 0.5, fraudType: 0.5, features: 0.5, mrz: 0.5 });
    expect(scoring.SCORED_PARTS).toEqual(['decision', 'locate', 'fraudType', 'features', 'mrz']);
  });

  it('feeds scoreResponse outcomes straight into countOutcomes and signalDetection', () => {
    const forged = { verdict: 'fraudulent' as const, fraudType: 'counterfeit' };
    const genuine = { verdict: 'genuine' as const };
    const outcomes = [
      scoring.scoreResponse(forged, { decision: 'refer' }).outcome,
      scoring.scoreResponse(forged, { decision: 'accept' }).outcome,
      scoring.scoreResponse(genuine, { decision: 'accept' }).outcome,
      scoring.scoreResponse(genuine, { decision: 'refer' }).outcome,
    ];
    const counts = scoring.countOutcomes(outcomes);
    expect(counts).toEqual({ hits: 1, misses: 1, falseAlarms: 1, correctRejections: 1 });
    expect(scoring.signalDetection(counts, { correction: 'log-linear' }).dPrime).toBe(0);
  });
});
