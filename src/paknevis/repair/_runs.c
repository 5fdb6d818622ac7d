/* Where the characters of a set stand in a text, in C.
 *
 * runs(text, bitmap[, after]) -> [start, end, start, end, ...]: the maximal runs of
 * characters of the set, as offsets, flat; with the bitmap after, only the runs right after
 * a character of that set (the marks after a digit: ۳.۵). A bitmap holds a bit for each BMP
 * character (8,192 bytes; bit c % 8 of byte c / 8); characters beyond the BMP are in no
 * set. The same as the spans of re.finditer("[set]+", text) (or "(?<=[after])[set]+"), as
 * runs.py gives them where this module is not built; tests hold the two equal.
 *
 * Why: re tests every character of a text against a class, about 5 ns a character. For the
 * digit step (Latin digits) and the gate of the steps for rare characters, both of which
 * look through the whole text for a few characters, that was 13 and 8.5 ms over the speed
 * benchmark's corpus; this loop takes under 2 ms. No str method finds the first of several
 * characters.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define BITMAP_SIZE 8192
#define IN_SET(bits, c) ((c) < 0x10000 && ((bits)[(c) >> 3] >> ((c) & 7) & 1))

#define RUNS_OF(TYPE)                                                                         \
    do {                                                                                      \
        const TYPE *s = (const TYPE *)data;                                                   \
        for (Py_ssize_t i = 0; i < n; i++) {                                                  \
            if (!IN_SET(bits, (Py_UCS4)s[i]))                                                 \
                continue;                                                                     \
            Py_ssize_t start = i;                                                             \
            while (i + 1 < n && IN_SET(bits, (Py_UCS4)s[i + 1]))                              \
                i++;                                                                          \
            if (after != NULL && !(start && IN_SET(after, (Py_UCS4)s[start - 1])))            \
                continue;                                                                     \
            if (append_run(out, start, i + 1) < 0)                                            \
                goto fail;                                                                    \
        }                                                                                     \
    } while (0)

static int append_run(PyObject *out, Py_ssize_t start, Py_ssize_t end)
{
    PyObject *a = PyLong_FromSsize_t(start);
    PyObject *b = a ? PyLong_FromSsize_t(end) : NULL;
    int err = b == NULL || PyList_Append(out, a) < 0 || PyList_Append(out, b) < 0;
    Py_XDECREF(a);
    Py_XDECREF(b);
    return err ? -1 : 0;
}

static PyObject *runs(PyObject *module, PyObject *args)
{
    PyObject *text;
    Py_buffer bitmap, after_bitmap = {0};
    (void)module;
    if (!PyArg_ParseTuple(args, "Uy*|y*:runs", &text, &bitmap, &after_bitmap))
        return NULL;
    if (bitmap.len != BITMAP_SIZE || (after_bitmap.buf != NULL && after_bitmap.len != BITMAP_SIZE)) {
        PyBuffer_Release(&bitmap);
        if (after_bitmap.buf != NULL)
            PyBuffer_Release(&after_bitmap);
        PyErr_Format(PyExc_ValueError, "runs: a bitmap must have %d bytes", BITMAP_SIZE);
        return NULL;
    }
    const unsigned char *bits = bitmap.buf;
    const unsigned char *after = after_bitmap.buf;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *out = PyList_New(0);
    if (out == NULL)
        goto fail;
    switch (PyUnicode_KIND(text)) {
    case PyUnicode_1BYTE_KIND:
        RUNS_OF(Py_UCS1);
        break;
    case PyUnicode_2BYTE_KIND:
        RUNS_OF(Py_UCS2);
        break;
    default:
        RUNS_OF(Py_UCS4);
    }
    PyBuffer_Release(&bitmap);
    if (after != NULL)
        PyBuffer_Release(&after_bitmap);
    return out;
fail:
    Py_XDECREF(out);
    PyBuffer_Release(&bitmap);
    if (after != NULL)
        PyBuffer_Release(&after_bitmap);
    return NULL;
}

static PyMethodDef module_methods[] = {
    {"runs", runs, METH_VARARGS, "runs(text, bitmap[, after]): the runs of characters of a set "
                                 "(right after a character of another), as a flat list of start "
                                 "and end offsets."},
    {NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "paknevis.repair._runs", "Runs of characters of a set, in C.", -1,
    module_methods,
};

PyMODINIT_FUNC PyInit__runs(void) { return PyModule_Create(&module_def); }
