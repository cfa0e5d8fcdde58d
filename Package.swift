// swift-tools-version: 6.1
import PackageDescription

/// Boltzmann: statistical mechanics of learning and memorisation.
///
/// Targets, from the bottom up (see README "Design"):
/// - `CLinearAlgebra`: OpenBLAS (CBLAS) and LAPACKE as a system library.
/// - `BoltzmannCore`: matrices, BLAS/LAPACK wrappers, random numbers, quadrature,
///   solvers, special functions, statistics, `.npy`/CSV/JSON I/O.
/// - `BoltzmannPlot`: a small SVG plotting library for paper-style figures.
/// - `BoltzmannModels`: energy models (dense p-body Hopfield, ...) and data generators.
/// - `BoltzmannSampling`: Monte Carlo kernels, chains, observables, teacher sampling.
/// - `BoltzmannTheory`: replica-symmetric saddle points, transitions, phase diagrams.
/// - `BoltzmannLearning`: training on data (RBMs: CD-k, PCD, parallel tempering).
/// - `BoltzmannExperiments`: experiment specs, sweeps, the SQLite results store, reports.
/// - `Boltzmann`: the umbrella library product that re-exports the above.
/// - `boltzmann`: the command-line tool.
/// - `BoltzmannBench`: `make bench`, prints throughput figures (not a test).
let package = Package(
    name: "Boltzmann",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Boltzmann", targets: ["Boltzmann"]),
        .executable(name: "boltzmann", targets: ["boltzmann"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLinearAlgebra",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),
        .target(
            name: "BoltzmannCore",
            dependencies: [
                "CLinearAlgebra",
                .product(name: "Numerics", package: "swift-numerics"),
            ]
        ),
        .target(name: "BoltzmannPlot", dependencies: ["BoltzmannCore"]),
        .target(name: "BoltzmannModels", dependencies: ["BoltzmannCore"]),
        .target(name: "BoltzmannSampling", dependencies: ["BoltzmannCore", "BoltzmannModels"]),
        .target(name: "BoltzmannTheory", dependencies: ["BoltzmannCore", "BoltzmannModels"]),
        .target(
            name: "BoltzmannLearning",
            dependencies: ["BoltzmannCore", "BoltzmannModels", "BoltzmannSampling"]
        ),
        .target(
            name: "BoltzmannExperiments",
            dependencies: [
                "BoltzmannCore", "BoltzmannPlot", "BoltzmannModels", "BoltzmannSampling",
                "BoltzmannTheory", "BoltzmannLearning",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .target(
            name: "Boltzmann",
            dependencies: [
                "BoltzmannCore", "BoltzmannPlot", "BoltzmannModels", "BoltzmannSampling",
                "BoltzmannTheory", "BoltzmannLearning", "BoltzmannExperiments",
            ]
        ),
        .executableTarget(
            name: "boltzmann",
            dependencies: [
                "Boltzmann",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "BoltzmannBench", dependencies: ["Boltzmann"]),
        .testTarget(
            name: "BoltzmannCoreTests",
            dependencies: ["BoltzmannCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "BoltzmannPlotTests", dependencies: ["BoltzmannPlot", "BoltzmannCore"]),
        .testTarget(name: "BoltzmannModelsTests", dependencies: ["BoltzmannModels"]),
        .testTarget(
            name: "BoltzmannSamplingTests",
            dependencies: ["BoltzmannSampling", "BoltzmannTheory"]
        ),
        .testTarget(name: "BoltzmannTheoryTests", dependencies: ["BoltzmannTheory"]),
        .testTarget(
            name: "BoltzmannLearningTests",
            dependencies: ["BoltzmannLearning", "BoltzmannSampling", "BoltzmannModels"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "BoltzmannExperimentsTests", dependencies: ["BoltzmannExperiments"]),
        .testTarget(name: "BoltzmannCLITests", dependencies: ["boltzmann"]),
    ]
)
