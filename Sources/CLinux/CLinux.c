/* Header-only target; this file gives SwiftPM a translation unit. */
