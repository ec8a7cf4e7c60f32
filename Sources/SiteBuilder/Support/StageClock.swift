import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Prints how long each stage of a build took (`kretslopp build --timings`): wall time, and the
/// CPU time of all threads in user and kernel mode, which a busy shared machine disturbs less.
struct StageClock {
    let enabled: Bool
    private var last = DispatchTime.now()
    private var lastCPU = StageClock.cpuTimes()

    init(enabled: Bool) { self.enabled = enabled }

    /// Reports the time since the previous lap under `stage`.
    mutating func lap(_ stage: String) {
        guard enabled else { return }
        let now = DispatchTime.now()
        let cpu = Self.cpuTimes()
        let ms = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1_000_000
        let line = String(
            format: "%8.1f ms  (CPU user %7.1f ms, system %7.1f ms)  %@\n",
            ms, cpu.user - lastCPU.user, cpu.system - lastCPU.system, stage)
        FileHandle.standardError.write(Data(line.utf8))
        last = now
        lastCPU = cpu
    }

    private static func cpuTimes() -> (user: Double, system: Double) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func ms(_ time: timeval) -> Double { Double(time.tv_sec) * 1000 + Double(time.tv_usec) / 1000 }
        return (ms(usage.ru_utime), ms(usage.ru_stime))
    }
}
