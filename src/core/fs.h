// core/fs.h: the only file I/O of the project.
//
// read_file() returns the bytes or a Status naming the path and the reason.
// write_file_atomic() never leaves a half-written file: it writes a temporary
// file beside the target, flushes it, and renames it over the target (rename(2)
// is atomic within one file system). resolve_inside() refuses paths from data
// files (manifests, annotation files) that would escape their folder.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace cd {

// Upper bound on one input file (docs/LIMITS.md). Larger files are refused
// with ErrorCode::limit rather than read into memory.
inline constexpr std::size_t kMaxInputBytes = 256u * 1024u * 1024u;

Result<std::string> read_file(const std::string& path);
Status write_file_atomic(const std::string& path, std::string_view bytes);

// Joins `relative` (from a data file in `base_dir`) onto base_dir and checks
// that the result stays inside base_dir: no absolute paths, no `..` escape, no
// symlink pointing out. Returns the joined path.
Result<std::string> resolve_inside(const std::string& base_dir, const std::string& relative);

}  // namespace cd
