// Error summary (templates/includes/error_summary.html): focus it when the page loads, and make
// its links focus their field with the field's label or legend in view, as GOV.UK's does.
(() => {
  const summary = document.querySelector("[data-error-summary]");
  if (!summary) return;
  if (document.activeElement !== summary) summary.focus();

  summary.addEventListener("click", (event) => {
    const link = event.target.closest('a[href^="#"]');
    if (!link) return;
    const field = document.getElementById(link.hash.slice(1));
    if (!field) return;
    event.preventDefault();
    const fieldset = field.closest("fieldset");
    const label = fieldset
      ? fieldset.querySelector("legend")
      : document.querySelector(`label[for="${CSS.escape(field.id)}"]`);
    (label || field).scrollIntoView();
    field.focus({ preventScroll: true });
  });
})();
