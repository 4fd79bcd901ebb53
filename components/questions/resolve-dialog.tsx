"use client";
// The resolve dialog for editors: yes or no (binary), a value (numeric), or annul; with a comment.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { Dialog } from "@/components/ui/dialog";
import { resolutionInputSchema } from "@/lib/questions/spec";
import { errorText, type QuestionDetail } from "./format";
import "./questions.css";

type Choice = "yes" | "no" | "value" | "annul";

export function ResolveDialog({ question, open, onClose }: { question: QuestionDetail; open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Resolve the question">
      {open && <ResolveBody question={question} onClose={onClose} />}
    </Dialog>
  );
}

function ResolveBody({ question, onClose }: { question: QuestionDetail; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const binary = question.kind === "binary";
  const [choice, setChoice] = useState<Choice>(binary ? "yes" : "value");
  const [value, setValue] = useState("");
  const [comment, setComment] = useState("");
  const [clientError, setClientError] = useState<string | null>(null);
  const resolve = useMutation(
    trpc.questions.resolve.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.questions.pathKey() });
        onClose();
      },
    }),
  );
  const submit = () => {
    const input =
      choice === "annul" ? { annulled: true as const, comment } : choice === "value" ? { value: value.trim() === "" ? undefined : Number(value), comment } : { outcome: choice, comment };
    const parsed = resolutionInputSchema.safeParse(input);
    if (!parsed.success || (choice === "value" && !Number.isFinite(Number(value)))) {
      setClientError(parsed.success ? "The outcome must be a number." : parsed.error.issues[0]!.message);
      return;
    }
    setClientError(null);
    resolve.mutate({ id: question.id, ...parsed.data });
  };
  const options: Array<{ key: Choice; label: string }> = binary
    ? [
        { key: "yes", label: "Yes" },
        { key: "no", label: "No" },
        { key: "annul", label: "Annul" },
      ]
    : [
        { key: "value", label: "Value" },
        { key: "annul", label: "Annul" },
      ];
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="dialog-body">
        <h2>Resolve “{question.title}”</h2>
        <p className="muted q-criteria-quote">{question.criteria}</p>
        <fieldset className="field q-resolve-fieldset">
          <legend>Outcome</legend>
          <div className="segmented" role="radiogroup" aria-label="Outcome">
            {options.map((o) => (
              <button key={o.key} type="button" role="radio" aria-checked={choice === o.key} aria-pressed={choice === o.key} className="segmented-option" onClick={() => setChoice(o.key)}>
                {o.label}
              </button>
            ))}
          </div>
        </fieldset>
        {choice === "value" && (
          <div className="field">
            <label htmlFor="resolve-value">Outcome value{question.unit ? ` (${question.unit})` : ""}</label>
            <input id="resolve-value" className="input" type="number" step="any" value={value} onChange={(e) => setValue(e.target.value)} autoFocus />
          </div>
        )}
        {choice === "annul" && <p className="faint">An annulled question has no outcome and nobody is scored on it (use this when the question turned out to be ill-posed).</p>}
        <div className="field">
          <label htmlFor="resolve-comment">Comment (optional)</label>
          <textarea id="resolve-comment" className="input" rows={2} maxLength={2000} value={comment} placeholder="e.g. FOMC statement of 16 December" onChange={(e) => setComment(e.target.value)} />
        </div>
        {(clientError || resolve.error) && (
          <div className="alert alert-error" role="alert">
            {clientError ?? errorText(resolve.error)}
          </div>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className={choice === "annul" ? "btn btn-danger" : "btn btn-primary"} disabled={resolve.isPending}>
          {resolve.isPending ? "Resolving…" : choice === "annul" ? "Annul question" : "Resolve question"}
        </button>
      </div>
    </form>
  );
}
