/// Paths and file contents through plain C calls. The same through URL and FileManager
/// (`resolvingSymlinksInPath`, `contents(atPath:)`) cost more than the small review's whole load, and
/// FileManager's attributes look the owner up in the user database.
public enum LocalFiles {
    /// The working folder, as the kernel has it (symlinks resolved).
    public static var currentFolder: String {
        guard let folder = getcwd(nil, 0) else { return "." }
        defer { free(folder) }
        return String(cString: folder)
    }

    /// `path` made absolute, `.` and `..` taken out as URL's `standardizedFileURL` does, then the
    /// symlinks of the part that exists resolved (`realpath`), so that a path that does not exist yet
    /// (an output folder) still resolves as far as it goes.
    public static func resolved(_ path: String) -> String {
        let components = standardizedComponents(path)
        for existing in stride(from: components.count, through: 1, by: -1) {
            let prefix = "/" + components[..<existing].joined(separator: "/")
            guard let real = realpath(prefix, nil) else { continue }
            defer { free(real) }
            let rest = components[existing...].joined(separator: "/")
            let base = String(cString: real)
            return rest.isEmpty ? base : (base == "/" ? "/" : base + "/") + rest
        }
        return "/" + components.joined(separator: "/")
    }

    /// `path` made absolute, `.` and `..` taken out as URL's `standardizedFileURL` does (by the text,
    /// symlinks left as they are), without its cost: it asks for the working folder through FileManager
    /// and stats the path to learn whether it is a folder.
    public static func standardized(_ path: String) -> String {
        "/" + standardizedComponents(path).joined(separator: "/")
    }

    private static func standardizedComponents(_ path: String) -> [Substring] {
        let absolute = path.hasPrefix("/") ? path : currentFolder + "/" + path
        var components: [Substring] = []
        for component in absolute.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(component)
            }
        }
        return components
    }

    /// The file's `stat` (symlinks followed), or nil when there is nothing there.
    public static func status(_ path: String) -> stat? {
        var status = stat()
        return stat(path, &status) == 0 ? status : nil
    }

    public static func isFolder(_ path: String) -> Bool {
        status(path).map { $0.st_mode & S_IFMT == S_IFDIR } ?? false
    }

    /// Why a file was not read.
    public enum ReadFailure: Error, Sendable, Equatable {
        /// It could not be opened or read.
        case unreadable
        /// It is a FIFO, a device, a folder or a socket, named as a sentence says it (`a FIFO`): a FIFO
        /// would block the build for ever and a device (`/dev/zero`) would never end.
        case notARegularFile(kind: String)
        /// It holds more than the reader's limit (`size`: what `fstat` said, or what was read).
        case tooLarge(size: Int)
    }

    /// Hands the file to `body` piece by piece (`size` bytes at most each), so that reading it takes no
    /// more memory whatever its size; false when it cannot be opened or read or is not a regular file.
    public static func forEachPiece(
        of path: String, size: Int = 1 << 20, _ body: (UnsafeRawBufferPointer) -> Void
    ) -> Bool {
        guard case .success(let (descriptor, _)) = openRegularFile(path) else { return false }
        defer { close(descriptor) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 64)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer.baseAddress!, size)
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return false }
            if count == 0 { return true }
            body(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// The whole file, or nil when it cannot be opened or read or is not a regular file.
    public static func contents(_ path: String) -> [UInt8]? {
        try? readRegularFile(path).get()
    }

    /// The whole regular file: the size `fstat` gives, then whatever it grew by since, `maxBytes` at
    /// most (a file larger than that is refused unread when `fstat` tells, or as soon as it grows past).
    public static func readRegularFile(_ path: String, maxBytes: Int = .max) -> Result<[UInt8], ReadFailure> {
        let descriptor: Int32
        let status: stat
        switch openRegularFile(path) {
        case .success(let opened): (descriptor, status) = opened
        case .failure(let failure): return .failure(failure)
        }
        defer { close(descriptor) }
        guard Int(status.st_size) <= maxBytes else { return .failure(.tooLarge(size: Int(status.st_size))) }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var filled = 0
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count =
                filled < bytes.count
                ? bytes.withUnsafeMutableBytes {
                    read(descriptor, $0.baseAddress! + filled, $0.count - filled)
                }
                : chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return .failure(.unreadable) }
            if count == 0 { break }
            if filled >= bytes.count { bytes.append(contentsOf: chunk[..<count]) }
            filled += count
            if filled > maxBytes { return .failure(.tooLarge(size: filled)) }
        }
        bytes.removeSubrange(filled...)
        return .success(bytes)
    }

    /// Opens `path` for reading without blocking (opening a FIFO waits for a writer otherwise) and
    /// keeps the descriptor only when `fstat` says it is a regular file: checking the descriptor, not
    /// the path, leaves no moment in which the file could be swapped for something else.
    private static func openRegularFile(_ path: String) -> Result<(Int32, stat), ReadFailure> {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            // A socket cannot be opened at all; say what it is rather than that it is unreadable.
            if let status = status(path), let kind = kind(of: status) {
                return .failure(.notARegularFile(kind: kind))
            }
            return .failure(.unreadable)
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            close(descriptor)
            return .failure(.unreadable)
        }
        if let kind = kind(of: status) {
            close(descriptor)
            return .failure(.notARegularFile(kind: kind))
        }
        return .success((descriptor, status))
    }

    /// What a file that is not a regular file is, as a sentence names it; nil for a regular file.
    private static func kind(of status: stat) -> String? {
        switch status.st_mode & S_IFMT {
        case S_IFREG: nil
        case S_IFIFO: "a FIFO"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFDIR: "a folder"
        case S_IFSOCK: "a socket"
        default: "a special file"
        }
    }
}
