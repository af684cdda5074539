// The statement's print button: shown only where scripts run, since without them it could do nothing.
document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('button.print').forEach(button => {
        button.hidden = false;
        button.addEventListener('click', () => window.print());
    });
});
