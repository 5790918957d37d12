/// <reference types="svelte" />
/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Optional MapLibre style URL drawn under the app's layers (needs internet). */
  readonly VITE_BASEMAP_STYLE?: string;
}
