#include "core/fs.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace cd {
namespace fs = std::filesystem;

Result<std::string> read_file(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    return Status::error(ErrorCode::io, "is a directory, not a file", path);
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return Status::error(ErrorCode::io, std::string("cannot open: ") + std::strerror(errno), path);
  }
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
      static_cast<std::size_t>(st.st_size) > kMaxInputBytes) {
    ::close(fd);
    return Status::error(ErrorCode::limit,
                         "file is larger than the limit of " +
                             std::to_string(kMaxInputBytes / (1024 * 1024)) + " MiB",
                         path)
        .with_hint("split the document, or see docs/LIMITS.md");
  }
  std::string data;
  if (st.st_size > 0) data.reserve(static_cast<std::size_t>(st.st_size));
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string why = std::strerror(errno);
      ::close(fd);
      return Status::error(ErrorCode::io, "cannot read: " + why, path);
    }
    if (n == 0) break;
    data.append(buf, static_cast<std::size_t>(n));
    if (data.size() > kMaxInputBytes) {
      ::close(fd);
      return Status::error(ErrorCode::limit, "input is larger than the limit", path);
    }
  }
  ::close(fd);
  return data;
}

namespace {

// Writes all of `bytes` to `fd`, retrying on EINTR; returns 0 or an errno.
int write_all(int fd, std::string_view bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    done += static_cast<std::size_t>(n);
  }
  return 0;
}

// Writes into an existing non-regular file (a device such as /dev/null or
// /dev/stdout, a FIFO) in place: renaming a temporary file over it would
// replace the device itself (as root, /dev/null became a regular file).
Status write_in_place(const std::string& path, std::string_view bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) {
    return Status::error(ErrorCode::io,
                         std::string("cannot open for writing: ") + std::strerror(errno), path);
  }
  if (const int err = write_all(fd, bytes); err != 0) {
    ::close(fd);
    return Status::error(ErrorCode::io, std::string("cannot write: ") + std::strerror(err), path);
  }
  if (::close(fd) != 0)
    return Status::error(ErrorCode::io, std::string("cannot write: ") + std::strerror(errno), path);
  return Status::success();
}

}  // namespace

Status write_file_atomic(const std::string& path, std::string_view bytes) {
  struct stat existing {};
  if (::stat(path.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode)) {
    if (S_ISDIR(existing.st_mode))
      return Status::error(ErrorCode::io, "is a directory, not a file", path);
    return write_in_place(path, bytes);
  }
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string tmpl = (dir / ("." + target.filename().string() + ".tmpXXXXXX")).string();
  const int fd = ::mkstemp(tmpl.data());
  if (fd < 0) {
    return Status::error(
        ErrorCode::io,
        std::string("cannot create a file in the output folder: ") + std::strerror(errno), path);
  }
  if (const int err = write_all(fd, bytes); err != 0) {
    ::close(fd);
    ::unlink(tmpl.c_str());
    return Status::error(ErrorCode::io, std::string("cannot write: ") + std::strerror(err), path);
  }
  if (::fsync(fd) != 0 || ::fchmod(fd, 0644) != 0) {
    const std::string why = std::strerror(errno);
    ::close(fd);
    ::unlink(tmpl.c_str());
    return Status::error(ErrorCode::io, "cannot write: " + why, path);
  }
  if (::close(fd) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(tmpl.c_str());
    return Status::error(ErrorCode::io, "cannot write: " + why, path);
  }
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(tmpl.c_str());
    return Status::error(ErrorCode::io, "cannot replace the output file: " + why, path);
  }
  return Status::success();
}

Result<std::string> resolve_inside(const std::string& base_dir, const std::string& relative) {
  const fs::path rel(relative);
  if (relative.empty() || rel.is_absolute()) {
    return Status::error(ErrorCode::invalid_input,
                         "path '" + relative + "' must be relative to its folder");
  }
  for (const auto& part : rel) {
    if (part == "..") {
      return Status::error(ErrorCode::invalid_input,
                           "path '" + relative + "' leaves its folder ('..' is not allowed)");
    }
  }
  const fs::path joined = fs::path(base_dir) / rel;
  std::error_code ec;
  const fs::path base_real = fs::weakly_canonical(fs::path(base_dir), ec);
  const fs::path real = fs::weakly_canonical(joined, ec);
  if (!ec) {
    const auto b = base_real.lexically_normal().string();
    const auto r = real.lexically_normal().string();
    if (r.compare(0, b.size(), b) != 0 || (r.size() > b.size() && r[b.size()] != '/')) {
      return Status::error(ErrorCode::invalid_input,
                           "path '" + relative + "' resolves outside its folder (symbolic link?)");
    }
  }
  return joined.string();
}

}  // namespace cd
