"""The community book pipeline: print HTML, variants, the safe fetcher and child-process PDFs.

Inside the package dependencies run one way (each module imports only those listed before it):

    variants      the printed forms of a book (paper size, large print, handouts, chosen
                  chapters, booklet)
    selectors     what a book contains (reads courses.models)
    printing      the print HTML and the fingerprint of everything shaping it
    booklet       imposes a booklet's half-size pages two to a sheet (pikepdf)
    job           the plain data a render sends to and gets back from its child process
    rendering     the parent side: starts the render child by its dotted path, waits, limits
    services      render and store a book's PDF; build draft previews
    epub          the community edition as EPUB 3 (ebooklib), made on download
    tasks         background renders (django-tasks) and queueing them after commit
    downloads     what a download finds: the stored file, a render now, or one queued
    web_edition   the web edition's context (chapters, download choices)
    responses     the HTTP answers: stored PDF with ETag, inline preview, status pages
    previews      the admin's print previews

and in the render child only (the two modules that import WeasyPrint; nothing above imports
them): `fetcher` (the safe URL fetcher) and `pdf` (the render), which imports `fetcher`, `job`.
This package imports no module of its own at import time: the render child loads it bare.
"""
