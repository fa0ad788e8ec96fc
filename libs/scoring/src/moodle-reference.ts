// Moodle's own reference data set for its quiz statistics, a published worked example that FirstLine's figures are
// checked against (libs/scoring's specs and the API's item analysis e2e spec): Moodle core,
// mod/quiz/report/statistics/tests/fixtures/results00.csv (25 attempts × 7 slots, every slot out of 1 mark) and the
// expected question statistics in fixtures/qstats00.csv. The expected values were computed independently in a
// spreadsheet (github.com/jamiepratt/moodle-quiz-tools, statsspreadsheet).

/** results00.csv: per attempt, the mark of each of the 7 slots. */
export const MOODLE_RESULTS_00: readonly (readonly number[])[] = [
  [1, 1, 1, 1, 1, 0, 1],
  [1, 1, 1, 1, 0.5, 1, 0],
  [1, 1, 1, 1, 0.5, 0, 1],
  [0, 0, 1, 1, 1, 0, 0],
  [1, 0, 1, 0, 0, 1, 0.5],
  [1, 1, 1, 1, 0.5, 0, 0.5],
  [0, 1, 1, 1, 0.5, 1, 0.5],
  [1, 1, 1, 0, 0.5, 1, 0.5],
  [1, 0, 1, 1, 1, 1, 1],
  [0, 1, 1, 0, 0.5, 1, 0.5],
  [0.8, 0, 1, 1, 0.5, 1, 0.5],
  [1, 1, 1, 0, 0.5, 1, 1],
  [1, 0, 1, 1, 0.5, 1, 0.5],
  [1, 0, 1, 1, 1, 0, 0.5],
  [0, 0, 1, 1, 0, 1, 1],
  [1, 0, 1, 0, 0.5, 1, 1],
  [0.8, 0, 1, 1, 0.5, 0, 1],
  [1, 0, 1, 1, 0, 1, 0.5],
  [1, 0, 1, 1, 0.5, 0, 0.5],
  [0, 1, 1, 0, 0.5, 1, 0],
  [1, 1, 0.3333333, 1, 0.5, 0, 0.5],
  [1, 1, 1, 0, 0.5, 0, 0.5],
  [1, 1, 1, 1, 0, 1, 0.5],
  [0, 0, 1, 0, 0.5, 1, 1],
  [0, 0, 1, 1, 1, 1, 1],
];

// qstats00.csv: slot, facility (fraction), sd (marks), effectiveweight, discriminationindex,
// discriminativeefficiency (%)
export const MOODLE_QSTATS_00: readonly (readonly number[])[] = [
  [1, 0.704, 0.4513682901, 21.2922742344, -7.0650767526, -9.4550536967],
  [2, 0.48, 0.5099019514, 18.8979800309, -28.8982125772, -36.7834118938],
  [3, 0.973333332, 0.13333334, 4.443012573, -9.1230674268, -21.6545012165],
  [4, 0.68, 0.4760952286, 18.9347251357, -22.6306444113, -31.4411395613],
  [5, 0.52, 0.3055050463, 11.1450138688, -17.6997047674, -21.1794802584],
  [6, 0.64, 0.4898979486, 9.8081339177, -45.3785178421, -56.9365974439],
  [7, 0.62, 0.331662479, 15.4788602394, -5.6543166602, -6.5043742058],
];
