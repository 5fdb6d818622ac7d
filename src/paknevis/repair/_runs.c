/* Where the characters of one code-point range stand in a text, in C.
 *
 * runs(text, first, last) -> [start, end, start, end, ...]: the maximal runs of characters
 * from first to last (inclusive), as offsets, flat. The same as
 * [m.span() for m in re.finditer("[first-last]+", text)], which the digit step used to find
 * Latin digits: re tests every character of the text against a class, about 13 ms over
 * the speed benchmark's corpus for 5,823 runs, half the step; this loop takes about 1 ms.
 * (No str method finds the first of several characters; re was the fastest we had.)
 * Optional like _scan.c: without it, the digit step uses the regex (digits.py), and
 * tests/test_digits.py holds the two equal.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define RUNS_OF(TYPE)                                                                         \
    do {                                                                                      \
        const TYPE *s = (const TYPE *)data;                                                   \
        for (Py_ssize_t i = 0; i < n; i++) {                                                  \
            if ((Py_UCS4)s[i] - first > span)                                                 \
                continue;                                                                     \
            Py_ssize_t start = i;                                                             \
            while (i + 1 < n && (Py_UCS4)s[i + 1] - first <= span)                            \
                i++;                                                                          \
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
    unsigned int first, last;
    if (!PyArg_ParseTuple(args, "UII:runs", &text, &first, &last))
        return NULL;
    if (last < first) {
        PyErr_SetString(PyExc_ValueError, "runs: last comes before first");
        return NULL;
    }
    Py_UCS4 span = last - first; /* c is in the range iff c - first <= span, unsigned */
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
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
    return out;
fail:
    Py_DECREF(out);
    return NULL;
}

static PyMethodDef module_methods[] = {
    {"runs", runs, METH_VARARGS, "runs(text, first, last): the runs of characters first..last, "
                                 "as a flat list of start and end offsets."},
    {NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "paknevis.repair._runs", "Runs of characters of one range, in C.", -1,
    module_methods,
};

PyMODINIT_FUNC PyInit__runs(void) { return PyModule_Create(&module_def); }
