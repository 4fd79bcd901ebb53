// The inline script that applies the saved (or system) theme before the first paint, so there is no flash.
export const THEME_SCRIPT = `try{var t=localStorage.getItem("quire-theme");if(!t)t=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";document.documentElement.dataset.theme=t}catch(e){}`;
