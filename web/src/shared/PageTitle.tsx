import type { ReactNode } from 'react';

export function PageTitle({ title, subtitle, extra }: { title: ReactNode; subtitle?: ReactNode; extra?: ReactNode }) {
  return (
    <div className="jg-page-title">
      <h2>
        {title}
        {subtitle && <span className="jg-subtitle">{subtitle}</span>}
      </h2>
      {extra}
    </div>
  );
}
