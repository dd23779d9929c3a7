// Ink only connects to React DevTools when DEV=true; the real package is not a dependency.
export default { initialize() {}, connectToDevTools() {} };
