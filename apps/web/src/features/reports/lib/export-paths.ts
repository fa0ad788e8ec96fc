// The API paths of the reports' exports (CSV beside each table's JSON route, PDF cohort report and transcript).
const id = encodeURIComponent;

export const exportPaths = {
  cohortOfficersCsv: (cohortId: string) => `/reports/cohorts/${id(cohortId)}/officers.csv`,
  cohortHeatmapCsv: (cohortId: string) => `/reports/cohorts/${id(cohortId)}/heatmap.csv`,
  cohortTrendsCsv: (cohortId: string) => `/reports/cohorts/${id(cohortId)}/trends.csv`,
  cohortReportPdf: (cohortId: string) => `/reports/cohorts/${id(cohortId)}/report.pdf`,
  unitCsv: (unitId: string) => `/reports/units/${id(unitId)}.csv`,
  officerAttemptsCsv: (userId: string) => `/reports/officers/${id(userId)}/attempts.csv`,
  officerTranscriptPdf: (userId: string) => `/reports/officers/${id(userId)}/transcript.pdf`,
  itemAnalysisCsv: (moduleId: string) => `/reports/modules/${id(moduleId)}/item-analysis.csv`,
};
