"use client";
// The "Notebook" field of a form that makes something in one of several notebooks (a chart, a question).

/** A labelled select of the notebooks; `onChange` gets the chosen notebook's id. */
export function NotebookSelect({ id, notebooks, value, onChange }: { id: string; notebooks: Array<{ id: string; name: string }>; value: string; onChange: (notebookId: string) => void }) {
  return (
    <div className="field">
      <label htmlFor={id}>Notebook</label>
      <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
        {notebooks.map((n) => (
          <option key={n.id} value={n.id}>
            {n.name}
          </option>
        ))}
      </select>
    </div>
  );
}
