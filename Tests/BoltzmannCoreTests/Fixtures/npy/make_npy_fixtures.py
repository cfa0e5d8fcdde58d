"""Writes the .npy fixtures that BoltzmannCoreTests/IO reads (run once, from this folder).

    python3 make_npy_fixtures.py

Each array's values are spelled out again in NPYFixtureTests.swift, so a test fails if either
the reader or a fixture changes. Generated with numpy 2.4.
"""
import numpy as np
from numpy.lib import format as npformat


def save(name, array, version=None):
    with open(name, "wb") as f:
        if version is None:
            np.save(f, array)
        else:
            npformat.write_array(f, array, version=version)


save("float32_2x3.npy", np.array([[0.5, -1.25, np.pi], [1e30, -0.0, 7.0]], dtype="<f4"))
save("float64_5.npy", np.array([0.1, -2.5e-300, np.pi, 1e300, 5e-324], dtype="<f8"))
save("int8_3x2.npy", np.array([[-128, 127], [0, -1], [5, -7]], dtype="i1"))
save("int32_2x2x2.npy",
     np.array([-2147483648, 2147483647, 0, -1, 1, 65536, -65536, 123456789],
              dtype="<i4").reshape(2, 2, 2))
save("uint8_4.npy", np.array([0, 1, 128, 255], dtype="u1"))
save("int64_3.npy", np.array([-(2**53), 2**53, 42], dtype="<i8"))
save("bool_2x2.npy", np.array([[True, False], [False, True]]))
save("float64_scalar.npy", np.array(2.75))
save("float32_empty_0x3.npy", np.zeros((0, 3), dtype="<f4"))
save("float64_bigendian_2x2.npy", np.array([[1.5, -0.1], [np.e, 1e-310]], dtype=">f8"))
save("int32_bigendian_3.npy", np.array([-2, 70000, 2147483647], dtype=">i4"))
save("float64_version2_2x3.npy", np.arange(6, dtype="<f8").reshape(2, 3) / 8, version=(2, 0))
save("float32_version3_3.npy", np.array([1.0, -2.0, 0.25], dtype="<f4"), version=(3, 0))
save("float64_fortran_3x4.npy", np.asfortranarray(np.arange(12, dtype="<f8").reshape(3, 4)))
save("int32_fortran_2x3x4.npy", np.asfortranarray(np.arange(24, dtype="<i4").reshape(2, 3, 4)))
# Arrays the reader must refuse, each with its own message.
save("float16_2.npy", np.array([1.0, 2.0], dtype="<f2"))
save("complex128_2.npy", np.array([1 + 2j, 3 - 4j]))
save("structured_2.npy", np.array([(1, 2.0), (3, 4.0)], dtype=[("a", "<i4"), ("b", "<f8")]))
with open("object_2.npy", "wb") as f:
    np.save(f, np.array([1, "a"], dtype=object), allow_pickle=True)
