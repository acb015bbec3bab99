export * from "./record.js";
export * from "./document.js";
export * from "./diagnostic.js";
export * from "./options.js";
export * from "./panel.js";
export * from "./join.js";
