// Applies the remembered theme before first paint (no light flash). A file, not an inline
// script: the server's Content-Security-Policy allows scripts from 'self' only.
try {
  if (localStorage.getItem('irc-theme') === 'dark')
    document.documentElement.classList.add('pf-v6-theme-dark');
} catch {
  // storage disabled: light theme
}
