/** The What-If view: placeholder until it lands. */
export function WhatIfView() {
  return <p>What-if</p>;
}
