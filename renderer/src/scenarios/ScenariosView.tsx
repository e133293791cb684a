/** The Scenarios view: placeholder until it lands. */
export function ScenariosView() {
  return <p>Scenarios</p>;
}
