// The chart components, each loaded (with recharts) only when a report screen shows it: the trainee's screens and
// the sign-in page never download the chart library.
import { lazy } from 'react';

export const DecisionSpaceChart = lazy(() => import('./decision-space-chart'));
export const TrendCharts = lazy(() => import('./trend-charts'));
export const UnitCohortCharts = lazy(() => import('./unit-cohort-charts'));
