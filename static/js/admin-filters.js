// The admin's one-line list filters (templates/admin/meetings/choice_filter.html): choosing an entry applies it.
document.addEventListener("change", (event) => {
  const select = event.target.closest("select.choice-filter");
  if (select) window.location.search = select.value;
});
