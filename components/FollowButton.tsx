/** A toggle button to follow a program (deadline reminders): aria-pressed carries the state. */
export function FollowButton({ name, followed, onChange }: { name: string; followed: boolean; onChange: (on: boolean) => void }) {
  return (
    <button
      type="button"
      class="follow"
      aria-pressed={followed}
      aria-label={`Follow ${name}`}
      title={followed ? `Following ${name}: reminders when a call opens and before it closes` : `Follow ${name}: reminders when a call opens and before it closes`}
      onClick={() => onChange(!followed)}
    >
      <span aria-hidden="true">{followed ? '★ Following' : '☆ Follow'}</span>
    </button>
  );
}
