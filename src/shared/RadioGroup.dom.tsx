/** A choice of one among a few, as radio buttons under a legend: what Settings offers for the look and the language. */
export type RadioOption<T extends string> = { value: T; label: string; lang?: string };

export function RadioGroup<T extends string>(props: { legend: string; name: string; options: ReadonlyArray<RadioOption<T>>; value: T; onChange: (value: T) => void }) {
  return (
    <fieldset className="radio-group">
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option.value} lang={option.lang}>
          <input type="radio" name={props.name} value={option.value} checked={props.value === option.value} onChange={() => props.onChange(option.value)} />{' '}
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
