import { BarChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactECharts from 'echarts-for-react/esm/core';
import type { CSSProperties } from 'react';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  SVGRenderer,
]);

// An automated browser (screenshots, e2e) gets the final frame at once rather than an entrance animation.
const ANIMATE = typeof navigator === 'undefined' || !navigator.webdriver;

/** ECharts with only the pieces the pages use (stack.md §5: the ESM core import avoids a CJS interop error). */
export function Chart({ option, style }: { option: echarts.EChartsCoreOption; style?: CSSProperties }) {
  return (
    <ReactECharts
      echarts={echarts}
      option={ANIMATE ? option : { ...option, animation: false }}
      style={style ?? { height: 320 }}
      opts={{ renderer: 'svg' }}
      notMerge
    />
  );
}
