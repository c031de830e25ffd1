# SPDX-License-Identifier: GPL-2.0
# cmake -DMAKE=make -DKDIR=/lib/modules/RELEASE/build -DDIR=DIR "-DMODULES=a;b"
#   -P kbuild-or-report.cmake
# Builds DIR's modules with Kbuild. On failure the error goes to DIR.failed
# (the lab shows it for that kernel) and no stale .ko is left behind, but the
# build goes on: one kernel's headers must not stop RefScope's build.
file(REMOVE ${DIR}.failed)
execute_process(COMMAND ${MAKE} -s -C ${KDIR} M=${DIR} modules
  RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(result EQUAL 0)
  foreach(module ${MODULES})
    if(NOT EXISTS ${DIR}/${module}.ko)
      set(result "no ${module}.ko")
    endif()
  endforeach()
endif()
if(NOT result EQUAL 0)
  foreach(module ${MODULES})
    file(REMOVE ${DIR}/${module}.ko)
  endforeach()
  file(WRITE ${DIR}.failed "${output}")
  message(WARNING "Kernel modules in ${DIR} did not build against ${KDIR} "
    "(${result}); the lab cannot load them on that kernel:\n${output}")
endif()
file(TOUCH ${DIR}.stamp)
