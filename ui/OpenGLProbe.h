// Whether this display gives the studio an OpenGL context at all. Asked before any QOpenGLWidget
// is made: once one sits in a window, Qt composes that whole window through OpenGL, and on a
// display without it (the offscreen platform of tests and CI, a remote session without GLX)
// Qt 6.4 crashes on the window's first flush instead of drawing it without the GL part.
#pragma once

namespace ps::ui {

// Creates a context and makes it current on an offscreen surface, once; the answer is cached.
// UI thread only (after the QGuiApplication exists).
bool openGLAvailable();

}  // namespace ps::ui
