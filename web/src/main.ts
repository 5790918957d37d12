import { startEarlyRequests } from './early.ts';
import { mount } from 'svelte';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-ext-400.css';
import '@fontsource/noto-sans/latin-700.css';
import './app.css';
import App from './App.svelte';

// before the app is even mounted: the map's code and first answers download while it starts
startEarlyRequests(window.location);

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');

export default mount(App, { target });
